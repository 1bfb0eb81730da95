package io.conversations.adapter.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.conversations.application.fakes.InMemoryStore;
import io.conversations.application.model.EventPage;
import io.conversations.application.port.out.EventLog;
import io.conversations.application.port.out.Transactions;
import io.conversations.domain.event.ConversationEvent;
import io.conversations.domain.event.ConversationEvent.GroupListUpdated;
import io.conversations.domain.identity.CorpId;
import io.conversations.domain.identity.UserId;
import io.conversations.domain.identity.UserRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Streams catching up from the log: a bounded number of reads at once, and one read for streams that wait for the same. */
class QueuedLogReadsTest {
    private final InMemoryStore store = new InMemoryStore();
    private final UserRef alice = new UserRef(new CorpId("acme"), new UserId("alice"));
    private final UserRef bob = new UserRef(new CorpId("acme"), new UserId("bob"));
    private final AtomicInteger reads = new AtomicInteger();
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger mostAtOnce = new AtomicInteger();
    private volatile CountDownLatch gate = new CountDownLatch(0);
    private final ExecutorService pool = Executors.newCachedThreadPool();
    /** Transactions that may run together (the in-memory store's run one at a time). */
    private static final Transactions CONCURRENT = new Transactions() {
        @Override
        public <T> T inTransaction(java.util.function.Supplier<T> work) {
            return work.get();
        }
    };

    /** The store's log, counting reads, holding each until the gate opens. */
    private final EventLog log = new EventLog() {
        @Override
        public Map<UserRef, Long> appendAll(Map<UserRef, List<ConversationEvent>> events, long now) {
            return store.appendAll(events, now);
        }

        @Override
        public EventPage readAfter(UserRef user, long after, int limit) {
            reads.incrementAndGet();
            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                gate.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                running.decrementAndGet();
            }
            return store.readAfter(user, after, limit);
        }

        @Override
        public long lastSeq(UserRef user) {
            return store.lastSeq(user);
        }

        @Override
        public int prune(long recordedBefore, int limit) {
            return store.prune(recordedBefore, limit);
        }
    };

    @BeforeEach
    void threeEventsEach() {
        for (UserRef user : List.of(alice, bob)) {
            store.putCorp(user.corp(), "Acme", 1);
            store.putUser(user, user.user().value(), "", 1);
            store.inTransaction(() -> store.appendAll(Map.of(user, List.of(new GroupListUpdated(List.of()),
                    new GroupListUpdated(List.of()), new GroupListUpdated(List.of()))), 1));
        }
    }

    private final List<QueuedLogReads> made = new ArrayList<>();

    @AfterEach
    void stop() {
        pool.shutdownNow();
        made.forEach(QueuedLogReads::close);
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(2);
        }
        assertTrue(condition.getAsBoolean());
    }

    private QueuedLogReads reads(int atOnce) {
        QueuedLogReads reads = new QueuedLogReads(CONCURRENT, log, atOnce);
        made.add(reads);
        return reads;
    }

    private static EventPage read(QueuedLogReads replays, UserRef user, long after) throws Exception {
        return replays.readAfter(user, after, 500).get();
    }

    @Test
    void streamsOfOneUserWaitingForTheSameReadShareIt() throws Exception {
        QueuedLogReads replays = reads(1);
        gate = new CountDownLatch(1);
        // Bob's read takes the one turn; alice's five streams queue behind it for the same read.
        Future<EventPage> bobs = pool.submit(() -> read(replays, bob, 0));
        awaitTrue(() -> running.get() == 1);
        List<Future<EventPage>> alices = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            alices.add(pool.submit(() -> read(replays, alice, 1)));
        }
        awaitTrue(() -> replays.shared() == 4);
        gate.countDown();
        assertEquals(3, bobs.get(5, TimeUnit.SECONDS).events().size());
        for (Future<EventPage> page : alices) {
            assertEquals(List.of(2L, 3L), page.get(5, TimeUnit.SECONDS).events().stream().map(e -> e.seq()).toList());
        }
        assertEquals(2, reads.get(), "bob's read and one for alice's five streams");
        assertEquals(2, replays.reads());
    }

    @Test
    void aReadThatStartedIsNotJoinedForItMayPrecedeAnEventTheNewcomerWouldMiss() throws Exception {
        QueuedLogReads replays = reads(2);
        gate = new CountDownLatch(1);
        Future<EventPage> first = pool.submit(() -> read(replays, alice, 0));
        awaitTrue(() -> running.get() == 1);
        Future<EventPage> second = pool.submit(() -> read(replays, alice, 0));
        awaitTrue(() -> running.get() == 2);
        gate.countDown();
        first.get(5, TimeUnit.SECONDS);
        second.get(5, TimeUnit.SECONDS);
        assertEquals(2, reads.get());
        assertEquals(0, replays.shared());
    }

    @Test
    void noMoreReadsRunAtOnceThanAllowed() throws Exception {
        QueuedLogReads replays = reads(3);
        gate = new CountDownLatch(1);
        List<Future<EventPage>> pages = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            long after = i % 3;
            UserRef user = i % 2 == 0 ? alice : bob;
            pages.add(pool.submit(() -> read(replays, user, after)));
        }
        awaitTrue(() -> running.get() == 3);
        Thread.sleep(50);
        assertEquals(3, running.get(), "the others wait their turn");
        gate.countDown();
        for (Future<EventPage> page : pages) {
            page.get(5, TimeUnit.SECONDS);
        }
        assertEquals(3, mostAtOnce.get());
    }
}
