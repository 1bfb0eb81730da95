package io.conversations.application.port.in;

import io.conversations.application.model.EventPage;

/**
 * One client's open stream of a user's events. The client takes batches at its own pace: what it has not taken
 * waits in the user's log, not in memory, so a slow client holds a bounded buffer.
 */
public interface EventStream extends AutoCloseable {

    /**
     * The next events in sequence after those already taken, waiting up to {@code maxWaitMillis}
     * for one. An empty page means nothing new arrived in that time, or the stream was closed.
     * A {@code resync} page means the events after the last taken are no longer kept.
     */
    EventPage next(long maxWaitMillis) throws InterruptedException;

    /** False once closed, by the client or because the service is stopping. */
    boolean isOpen();

    @Override
    void close();
}
