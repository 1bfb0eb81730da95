package io.conversations.adapter.persistence;

import io.conversations.application.model.EventPage;
import io.conversations.application.port.out.CatchUpReads;
import io.conversations.application.port.out.EventLog;
import io.conversations.application.port.out.Transactions;
import io.conversations.domain.identity.UserRef;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * The streams' reads of users' logs, run by {@code atOnce} threads of their own (half the pool): thousands of
 * clients reconnecting at once (a node restarted) queue here and leave the pool's other connections to live
 * delivery and writes. Streams of one user asking for the same read while it waits in the queue (the user's tabs,
 * reconnecting with the same Last-Event-ID) share it.
 *
 * <p>A read that has started is not joined: it may have read the log before the newcomer began keeping what is
 * delivered, and an event committed in between would be in neither.
 */
public final class QueuedLogReads implements CatchUpReads, AutoCloseable {
    private final Transactions transactions;
    private final EventLog log;
    private final ExecutorService readers;
    private final ConcurrentHashMap<Key, CompletableFuture<EventPage>> queued = new ConcurrentHashMap<>();
    private final LongAdder reads = new LongAdder();
    private final LongAdder shared = new LongAdder();

    private record Key(UserRef user, long after, int limit) {}

    QueuedLogReads(Transactions transactions, EventLog log, int atOnce) {
        if (atOnce < 1) {
            throw new IllegalArgumentException("at least one read must be able to run");
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

    @Override
    public CompletableFuture<EventPage> readAfter(UserRef user, long after, int limit) {
        Key key = new Key(user, after, limit);
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
                    mine.complete(transactions.inTransaction(() -> log.readAfter(user, after, limit)));
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

    /** Reads of the log made. */
    public long reads() {
        return reads.sum();
    }

    /** Reads spared because a stream shared another's. */
    public long shared() {
        return shared.sum();
    }

    @Override
    public void close() {
        readers.shutdownNow();
    }
}
