package io.conversations.adapter.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.conversations.domain.identity.CorpId;
import io.conversations.domain.identity.UserId;
import io.conversations.domain.identity.UserRef;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On the embedded store a use case answers once its commit is in the file (GroupCommit). While it waits for
 * that, it holds no pooled connection: with a pool of one, a second writer commits while the first still waits,
 * and both answer once the file write they wait for is done.
 */
class GroupCommitTest {
    @TempDir
    Path dataDir;

    @Test
    void aCommitWaitingForTheFileHoldsNoConnection() throws Exception {
        CorpId corp = new CorpId("acme");
        try (Store store = Store.open(new StoreSettings(Optional.empty(), "", "", dataDir, 1))) {
            store.transactions().inTransaction(() -> {
                store.directory().putCorp(corp, "Acme", 1);
                return null;
            });
            MVStore file = store.transactions().inTransaction(() -> {
                try {
                    return GroupCommit.storeOf(((JdbcTransactions) store.transactions()).connection());
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            CountDownLatch release = new CountDownLatch(1);
            ExecutorService writers = Executors.newFixedThreadPool(2);
            try {
                // H2 serializes every chunk on this executor: a task queued first holds each file write back.
                serializationExecutor(file).submit(() -> {
                    release.await();
                    return null;
                });
                Future<String> first = writers.submit(() -> addUser(store, corp, "alice"));
                Thread.sleep(500);
                assertFalse(first.isDone(), "the first writer waits for its commit to be in the file");

                CountDownLatch secondRan = new CountDownLatch(1);
                Future<String> second = writers.submit(() -> store.transactions().inTransaction(() -> {
                    secondRan.countDown();
                    store.directory().putUser(new UserRef(corp, new UserId("bob")), "bob", "", 2);
                    return "bob";
                }));
                assertTrue(secondRan.await(5, TimeUnit.SECONDS),
                        "the second writer got the pool's only connection while the first waited for the file");
                Thread.sleep(200);
                assertFalse(second.isDone(), "the second writer's answer waits for the file too");

                release.countDown();
                assertEquals("alice", first.get(30, TimeUnit.SECONDS));
                assertEquals("bob", second.get(30, TimeUnit.SECONDS));
            } finally {
                release.countDown();
                writers.shutdownNow();
            }
            assertTrue(store.transactions().inTransaction(() ->
                    store.directory().userExists(new UserRef(corp, new UserId("alice")))
                            && store.directory().userExists(new UserRef(corp, new UserId("bob")))));
        }
    }

    private static String addUser(Store store, CorpId corp, String user) {
        return store.transactions().inTransaction(() -> {
            store.directory().putUser(new UserRef(corp, new UserId(user)), user, "", 2);
            return user;
        });
    }

    private static ExecutorService serializationExecutor(MVStore store) {
        ExecutorService executor = GroupCommit.serializationExecutor(store);
        if (executor == null) {
            throw new IllegalStateException("H2 has not started its serialization executor");
        }
        return executor;
    }
}
