package io.conversations.adapter.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.conversations.adapter.persistence.testing.MariaDbTestDatabase;
import io.conversations.application.model.StoreUnavailable;
import io.conversations.domain.identity.CorpId;
import io.conversations.domain.identity.UserId;
import io.conversations.domain.identity.UserRef;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two writers that take the same two users' rows in opposite orders deadlock; the store aborts one of them,
 * and that one runs again and commits: both changes land, each once.
 */
class TransactionRetryTest {
    @TempDir
    Path dataDir;

    @Test
    void aDeadlockedTransactionRunsAgainAndBothCommitOnTheEmbeddedStore() throws Exception {
        try (Store store = Store.open(StoreSettings.embedded(dataDir))) {
            bothCommitAfterADeadlock(store);
        }
    }

    @Test
    void aDeadlockedTransactionRunsAgainAndBothCommitOnMariaDb() throws Exception {
        try (MariaDbTestDatabase database = MariaDbTestDatabase.create(); Store store = Store.open(database.settings())) {
            bothCommitAfterADeadlock(store);
        }
    }

    @Test
    void pausesGrowAndStayRandomWithinTheirCap() {
        for (int attempt = 1; attempt < 40; attempt++) {
            long cap = Math.min(100_000, 500L << Math.min(attempt - 1, 20));
            long pause = JdbcTransactions.pauseMicros(attempt);
            assertTrue(pause >= cap / 2 && pause <= cap, attempt + ": " + pause);
        }
    }

    private static void bothCommitAfterADeadlock(Store store) throws Exception {
        CorpId corp = new CorpId("acme");
        UserRef alice = new UserRef(corp, new UserId("alice"));
        UserRef bob = new UserRef(corp, new UserId("bob"));
        store.transactions().inTransaction(() -> {
            store.directory().putCorp(corp, "Acme", 1);
            store.directory().putUser(alice, "Alice", "", 1);
            store.directory().putUser(bob, "Bob", "", 1);
            return null;
        });
        CyclicBarrier bothHoldOne = new CyclicBarrier(2);
        AtomicInteger attempts = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<String>> done = List.of(
                    pool.submit(() -> lockInTurn(store, alice, bob, bothHoldOne, attempts)),
                    pool.submit(() -> lockInTurn(store, bob, alice, bothHoldOne, attempts)));
            for (Future<String> f : done) {
                assertEquals("committed", f.get(60, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        assertTrue(attempts.get() >= 3, "one of the two ran again: " + attempts.get() + " attempts");
        assertEquals(2L, store.transactions().inTransaction(() -> store.eventLog().lastSeq(alice)),
                "each writer's event once");
        assertEquals(2L, store.transactions().inTransaction(() -> store.eventLog().lastSeq(bob)));
    }

    /** Locks {@code first}, waits until the other writer holds its first, then locks {@code second}. */
    private static String lockInTurn(Store store, UserRef first, UserRef second, CyclicBarrier bothHoldOne,
                                     AtomicInteger attempts) {
        try {
            return store.transactions().inTransaction(() -> {
                boolean firstAttempt = attempts.incrementAndGet() <= 2;
                store.directory().lock(first);
                if (firstAttempt) {
                    await(bothHoldOne);
                }
                store.directory().lock(second);
                store.eventLog().appendAll(java.util.Map.of(first, List.of(
                        new io.conversations.domain.event.ConversationEvent.GroupListUpdated(List.of()))), 2);
                store.eventLog().appendAll(java.util.Map.of(second, List.of(
                        new io.conversations.domain.event.ConversationEvent.GroupListUpdated(List.of()))), 2);
                return "committed";
            });
        } catch (StoreUnavailable e) {
            return "gave up: " + e.getMessage();
        }
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
