package io.conversations.application.service;

import io.conversations.application.port.in.EventStream;
import io.conversations.application.port.in.FollowEvents;
import io.conversations.application.port.out.CatchUpReads;
import io.conversations.domain.common.Outcome;
import io.conversations.domain.common.Problem;
import io.conversations.domain.event.RecordedEvent;
import io.conversations.domain.identity.UserRef;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * This node's open event streams, within their caps (per user, per node): the events the store delivers for a user
 * go to that user's streams.
 */
public final class StreamRegistry implements FollowEvents, AutoCloseable {

    /** How many streams may be open: for one user, and on this node. */
    public record Limits(int perUser, int perNode) {
        public Limits {
            if (perUser < 1 || perNode < 1) {
                throw new IllegalArgumentException("stream limits must be positive");
            }
        }
    }

    private final CatchUpReads reads;
    private final Limits settings;
    private final Map<UserRef, Set<LiveStream>> open = new ConcurrentHashMap<>();
    private final AtomicInteger openCount = new AtomicInteger();
    private volatile boolean closed;
    private volatile Consumer<UserRef> onFollowed = user -> { };

    public StreamRegistry(CatchUpReads reads, Limits limits) {
        this.reads = reads;
        this.settings = limits;
    }

    @Override
    public Outcome<EventStream> follow(UserRef user, long after, Runnable ready) {
        if (closed) {
            return Outcome.rejected(Problem.NODE_FULL, "this node is stopping; connect again");
        }
        if (openCount.incrementAndGet() > settings.perNode()) {
            openCount.decrementAndGet();
            return Outcome.rejected(Problem.NODE_FULL,
                    "this node already serves " + settings.perNode() + " event streams; connect again later");
        }
        LiveStream stream = new LiveStream(user, Math.max(0, after), reads, ready, this::closed);
        Set<LiveStream> mine = open.compute(user, (u, set) -> {
            Set<LiveStream> s = set == null ? new CopyOnWriteArraySet<>() : set;
            if (s.size() < settings.perUser()) {
                s.add(stream);
            }
            return s;
        });
        if (!mine.contains(stream)) {
            openCount.decrementAndGet();
            return Outcome.rejected(Problem.TOO_MANY_STREAMS,
                    "this user already has " + settings.perUser() + " event streams open; close one first");
        }
        onFollowed.accept(user);
        stream.startCatchingUp();
        return Outcome.done(stream);
    }

    /** Told of each user whose stream opens, once it is open (what was recorded for them before it, it reads). */
    void onFollowed(Consumer<UserRef> listener) {
        this.onFollowed = listener;
    }

    /** Whether a stream of the user's is open here. */
    boolean follows(UserRef user) {
        return open.containsKey(user);
    }

    /** Hands a committed event of the user's to each of their streams here. */
    void deliver(UserRef user, RecordedEvent event) {
        Set<LiveStream> streams = open.get(user);
        if (streams != null) {
            streams.forEach(s -> s.push(event));
        }
    }

    /** How many streams are open on this node. */
    public int openStreams() {
        return openCount.get();
    }

    /** Ends every stream (their clients reconnect elsewhere with Last-Event-ID) and opens no more. */
    @Override
    public void close() {
        closed = true;
        open.values().forEach(set -> set.forEach(LiveStream::close));
    }

    private void closed(LiveStream stream) {
        open.computeIfPresent(stream.user(), (u, set) -> {
            set.remove(stream);
            return set.isEmpty() ? null : set;
        });
        openCount.decrementAndGet();
    }
}
