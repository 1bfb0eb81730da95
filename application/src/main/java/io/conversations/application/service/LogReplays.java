package io.conversations.application.service;

import io.conversations.application.model.EventPage;
import io.conversations.application.port.in.ReadEvents;
import io.conversations.application.port.out.EventLog;
import io.conversations.application.port.out.Transactions;
import io.conversations.domain.identity.UserRef;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * The streams' reads of users' logs (a stream catching up after it connected, after its buffer overflowed), run
 * by {@code atOnce} threads of their own: thousands of clients reconnecting at once (a node restarted) queue here
 * and leave the store's other connections to live delivery and writes. A stream asks for its read as soon as it
 * starts keeping what the tail pushes (for a new stream: when it is opened), and streams of one user asking for
 * the same read while it waits in the queue (the user's tabs, reconnecting with the same Last-Event-ID) share it.
 *
 * <p>A read that has started is not joined: it may have read the log before the newcomer began keeping what the
 * tail pushes, and an event committed in between would be in neither.
 */
final class LogReplays implements AutoCloseable {
    private final Transactions transactions;
    private final EventLog log;
    private final ExecutorService readers;
    private final ConcurrentHashMap<Key, CompletableFuture<EventPage>> queued = new ConcurrentHashMap<>();
    private final LongAdder reads = new LongAdder();
    private final LongAdder shared = new LongAdder();

    private record Key(UserRef user, long after) {}

    LogReplays(Transactions transactions, EventLog log, int atOnce) {
        if (atOnce < 1) {
            throw new IllegalArgumentException("at least one replay must be able to run");
        }
        this.transactions = transactions;
        this.log = log;
        AtomicInteger n = new AtomicInteger();
        this.readers = Executors.newFixedThreadPool(atOnce, task -> {
            Thread t = new Thread(task, "log-replay-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Asks for up to {@link ReadEvents#MAX_BATCH} of the user's events after {@code after} (or a resync page); the
     * caller must already keep what the tail pushes. Joins the same request while it is still queued.
     */
    CompletableFuture<EventPage> request(UserRef user, long after) {
        Key key = new Key(user, after);
        CompletableFuture<EventPage> mine = new CompletableFuture<>();
        CompletableFuture<EventPage> waiting = queued.putIfAbsent(key, mine);
        if (waiting != null) {
            shared.increment();
            return waiting;
        }
        try {
            readers.execute(() -> {
                queued.remove(key, mine); // from here on, a stream that asks for the same read gets its own
                try {
                    reads.increment();
                    mine.complete(transactions.inTransaction(
                            () -> EventService.replay(log, user, after, ReadEvents.MAX_BATCH)));
                } catch (RuntimeException e) {
                    mine.completeExceptionally(e);
                }
            });
        } catch (RejectedExecutionException stopping) {
            queued.remove(key, mine);
            mine.completeExceptionally(new IllegalStateException("the node is stopping"));
        }
        return mine;
    }

    /** {@link #request}, waited for. */
    EventPage read(UserRef user, long after) throws InterruptedException {
        return await(request(user, after));
    }

    static EventPage await(CompletableFuture<EventPage> read) throws InterruptedException {
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

    @Override
    public void close() {
        readers.shutdownNow();
    }
}
