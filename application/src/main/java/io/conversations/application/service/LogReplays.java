package io.conversations.application.service;

import io.conversations.application.model.EventPage;
import io.conversations.application.port.in.ReadEvents;
import io.conversations.application.port.out.EventLog;
import io.conversations.application.port.out.Transactions;
import io.conversations.domain.identity.UserRef;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.LongAdder;

/**
 * The streams' reads of users' logs (a stream catching up after it connected, after its buffer overflowed): at
 * most {@code atOnce} of them run together, so that thousands of clients reconnecting at once (a node restarted)
 * leave the store's other connections to live delivery and writes; and streams of one user waiting to read from
 * the same id (the user's tabs, reconnecting with the same Last-Event-ID) share one read.
 *
 * <p>A stream joins a read only while that read waits for its turn: one that had started may have read the log
 * before the joining stream began keeping what the tail pushes, and an event committed in between would be in
 * neither.
 */
final class LogReplays {
    private final Transactions transactions;
    private final EventLog log;
    private final Semaphore turns;
    private final ConcurrentHashMap<Key, CompletableFuture<EventPage>> waiting = new ConcurrentHashMap<>();
    private final LongAdder reads = new LongAdder();
    private final LongAdder shared = new LongAdder();

    private record Key(UserRef user, long after) {}

    LogReplays(Transactions transactions, EventLog log, int atOnce) {
        if (atOnce < 1) {
            throw new IllegalArgumentException("at least one replay must be able to run");
        }
        this.transactions = transactions;
        this.log = log;
        this.turns = new Semaphore(atOnce, true);
    }

    /** Up to {@link ReadEvents#MAX_BATCH} of the user's events after {@code after}, or a resync page. */
    EventPage read(UserRef user, long after) throws InterruptedException {
        Key key = new Key(user, after);
        CompletableFuture<EventPage> mine = new CompletableFuture<>();
        CompletableFuture<EventPage> queued = waiting.putIfAbsent(key, mine);
        if (queued != null) {
            shared.increment();
            return await(queued);
        }
        // Not interruptible: streams may share this read; a turn comes as soon as a running read ends.
        turns.acquireUninterruptibly();
        try {
            waiting.remove(key, mine); // from here on, a stream that comes for the same read makes its own
            reads.increment();
            mine.complete(transactions.inTransaction(
                    () -> EventService.replay(log, user, after, ReadEvents.MAX_BATCH)));
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
        } finally {
            turns.release();
        }
        return await(mine);
    }

    private static EventPage await(CompletableFuture<EventPage> read) throws InterruptedException {
        try {
            return read.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Reads of the log made, and reads spared because a stream shared another's. */
    long reads() {
        return reads.sum();
    }

    long shared() {
        return shared.sum();
    }
}
