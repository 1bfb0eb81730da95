package io.conversations.application.port.in;

import io.conversations.application.model.EventPage;

/**
 * One client's open stream of a user's events. The client takes batches at its own pace: what it
 * has not taken waits in the user's log, not in memory, so a slow client holds a bounded buffer.
 * A writer either waits in {@link #next} or, holding no thread while the stream is idle, is told
 * by {@link #onSignal} when to take with {@code next(0)}.
 */
public interface EventStream extends AutoCloseable {

    /**
     * The next events in sequence after those already taken, waiting up to {@code maxWaitMillis}
     * for one. An empty page means nothing new arrived in that time, or the stream was closed.
     * A {@code resync} page means the events after the last taken are no longer kept.
     */
    EventPage next(long maxWaitMillis) throws InterruptedException;

    /**
     * Runs {@code signal} (never while holding a lock of the stream's) whenever the stream has something for its
     * writer: events to take, a check of its client ({@link #takeCheck}), or its end. Replaces an earlier one.
     */
    void onSignal(Runnable signal);

    /**
     * Whether the node asked, since the last call, for this stream's client to be checked: a client that went
     * away is found out only when a write to it fails, so the writer then writes a few heartbeats.
     */
    boolean takeCheck();

    /** False once closed, by the client or because the service is stopping. */
    boolean isOpen();

    @Override
    void close();
}
