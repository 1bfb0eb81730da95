package io.conversations.application.service;

import io.conversations.application.port.in.EventStream;
import io.conversations.application.port.in.FollowEvents;
import io.conversations.application.port.out.EventLog;
import io.conversations.application.port.out.Transactions;
import io.conversations.domain.common.Outcome;
import io.conversations.domain.common.Problem;
import io.conversations.domain.event.RecordedEvent;
import io.conversations.domain.identity.UserRef;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * This node's open event streams, within their caps (per user, per node); the {@link FeedTail} hands it the events
 * of the users it follows, and it pushes each to that user's streams.
 */
public final class StreamRegistry implements FollowEvents, FeedTail.Reader, AutoCloseable {
    /** How long a refused stream waits for a slot a gone client gives back after a probe (a busy machine: 1 s). */
    private static final long PROBE_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(1_000);

    /**
     * How many streams may be open (for one user, and on this node), and how many of them may read the store's
     * logs at once (the others wait their turn: the store's remaining connections serve live delivery and writes).
     */
    public record Limits(int perUser, int perNode, int replaysAtOnce) {
        /** Half of the store's default pool of 10 connections. */
        public static final int DEFAULT_REPLAYS_AT_ONCE = 5;

        public Limits {
            if (perUser < 1 || perNode < 1 || replaysAtOnce < 1) {
                throw new IllegalArgumentException("stream limits must be positive");
            }
        }

        public Limits(int perUser, int perNode) {
            this(perUser, perNode, DEFAULT_REPLAYS_AT_ONCE);
        }
    }

    private final LogReplays replays;
    private final Limits settings;
    private final Map<UserRef, Set<LiveStream>> open = new ConcurrentHashMap<>();
    private final AtomicInteger openCount = new AtomicInteger();
    private volatile boolean closed;

    public StreamRegistry(Transactions transactions, EventLog log, Limits limits) {
        this.replays = new LogReplays(transactions, log, limits.replaysAtOnce());
        this.settings = limits;
    }

    @Override
    public Outcome<EventStream> follow(UserRef user, long after) {
        if (closed) {
            return Outcome.rejected(Problem.NODE_FULL, "this node is stopping; connect again");
        }
        if (openCount.incrementAndGet() > settings.perNode()) {
            openCount.decrementAndGet();
            return Outcome.rejected(Problem.NODE_FULL,
                    "this node already serves " + settings.perNode() + " event streams; connect again later");
        }
        LiveStream stream = new LiveStream(user, Math.max(0, after), replays, this::closed);
        boolean admitted = admit(user, stream);
        if (!admitted) {
            // A client that went away (a reloaded page, a dropped network) holds its slot until a write to it
            // fails, and nothing is written to an idle stream before its next heartbeat: ask the user's streams
            // to write now, and take a slot one of them gives back.
            Set<LiveStream> mine = open.getOrDefault(user, Set.of());
            mine.forEach(LiveStream::probe);
            long deadline = System.nanoTime() + PROBE_WAIT_NANOS;
            while (!admitted && System.nanoTime() < deadline) {
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
                admitted = admit(user, stream);
            }
        }
        if (!admitted) {
            openCount.decrementAndGet();
            return Outcome.rejected(Problem.TOO_MANY_STREAMS,
                    "this user already has " + settings.perUser() + " event streams open; close one first");
        }
        stream.startCatchingUp();
        return Outcome.done(stream);
    }

    private boolean admit(UserRef user, LiveStream stream) {
        Set<LiveStream> mine = open.compute(user, (u, set) -> {
            Set<LiveStream> s = set == null ? new CopyOnWriteArraySet<>() : set;
            if (s.size() < settings.perUser()) {
                s.add(stream);
            }
            return s;
        });
        return mine.contains(stream);
    }

    @Override
    public boolean follows(UserRef user) {
        return open.containsKey(user);
    }

    @Override
    public void deliver(UserRef user, RecordedEvent event) {
        Set<LiveStream> streams = open.get(user);
        if (streams != null) {
            streams.forEach(s -> s.push(event));
        }
    }

    /** How many streams are open on this node. */
    public int openStreams() {
        return openCount.get();
    }

    /** Reads of users' logs the streams made, and those spared because streams of one user shared a read. */
    public long logReads() {
        return replays.reads();
    }

    public long logReadsShared() {
        return replays.shared();
    }

    /** Ends every stream (their clients reconnect elsewhere with Last-Event-ID) and opens no more. */
    @Override
    public void close() {
        closed = true;
        open.values().forEach(set -> set.forEach(LiveStream::close));
        replays.close();
    }

    private void closed(LiveStream stream) {
        open.computeIfPresent(stream.user(), (u, set) -> {
            set.remove(stream);
            return set.isEmpty() ? null : set;
        });
        openCount.decrementAndGet();
    }
}
