package io.conversations.application.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.conversations.application.fakes.InMemoryStore;
import io.conversations.application.port.out.Directory;
import io.conversations.application.port.out.Transactions;
import io.conversations.domain.identity.CorpId;
import io.conversations.domain.identity.UserId;
import io.conversations.domain.identity.UserRef;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Who a token names: users looked up once, and the lookups of a burst of requests shared. */
class TokenServiceTest {
    private final InMemoryStore store = new InMemoryStore();
    private final CorpId acme = new CorpId("acme");
    private final AtomicInteger reads = new AtomicInteger();
    private final CountDownLatch firstReadHeld = new CountDownLatch(1);
    private volatile CountDownLatch release = new CountDownLatch(0);

    /** The store's directory, counting the reads and holding the first until released. */
    private final Directory directory = (Directory) Proxy.newProxyInstance(Directory.class.getClassLoader(),
            new Class<?>[] {Directory.class}, (proxy, method, args) -> {
                if (method.getName().equals("existingUsers") || method.getName().equals("userExists")) {
                    reads.incrementAndGet();
                    firstReadHeld.countDown();
                    release.await(10, TimeUnit.SECONDS);
                }
                return method.invoke(store, args);
            });
    private final Transactions concurrent = new Transactions() {
        @Override
        public <T> T inTransaction(Supplier<T> work) {
            return work.get();
        }
    };
    private final TokenService tokens = new TokenService(concurrent, directory, (u, t) -> "t", () -> 1);

    @Test
    void aBurstOfRequestsFromUsersNotKnownYetIsAnsweredWithFewReadsAndRightly() throws Exception {
        store.putCorp(acme, "Acme", 1);
        List<UserRef> users = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            users.add(new UserRef(acme, new UserId("u" + i)));
            store.putUser(users.get(i), "u" + i, "", 1);
        }
        UserRef ghost = new UserRef(acme, new UserId("ghost"));
        release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(256); // every request waiting at once, as on virtual threads
        try {
            // The first request's read is held; 200 more (ten for each user, and the ghost's) arrive meanwhile.
            Future<Boolean> first = pool.submit(() -> tokens.isKnown(users.get(0)));
            assertTrue(firstReadHeld.await(5, TimeUnit.SECONDS));
            List<Future<Boolean>> answers = new ArrayList<>();
            for (int round = 0; round < 10; round++) {
                for (UserRef user : users) {
                    answers.add(pool.submit(() -> tokens.isKnown(user)));
                }
                answers.add(pool.submit(() -> tokens.isKnown(ghost)));
            }
            Thread.sleep(300); // all of them asking before the first read ends
            release.countDown();
            assertTrue(first.get(5, TimeUnit.SECONDS));
            for (int i = 0; i < answers.size(); i++) {
                assertEquals(i % 21 != 20, answers.get(i).get(5, TimeUnit.SECONDS), "answer " + i);
            }
        } finally {
            pool.shutdownNow();
        }
        assertTrue(reads.get() <= 3, "the burst took " + reads.get() + " reads");
        int before = reads.get();
        assertTrue(tokens.isKnown(users.get(7)));
        assertEquals(before, reads.get(), "a user found once is known without a read");
        assertFalse(tokens.isKnown(ghost));
        assertEquals(before + 1, reads.get(), "an unknown user is asked for every time");
    }
}
