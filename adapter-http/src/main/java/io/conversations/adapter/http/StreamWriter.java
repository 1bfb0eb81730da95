package io.conversations.adapter.http;

import io.conversations.adapter.http.dto.EventsBody.EventBody;
import io.conversations.application.model.EventPage;
import io.conversations.application.port.in.EventStream;
import io.conversations.domain.identity.UserRef;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Writes one client's event stream as Server-Sent Events, holding no thread while the stream is idle: the stream
 * signals when it has events (or its end), a timer when a heartbeat is due or a check of the client was asked for
 * ({@link #probe}), and each signal runs one drain on the writers' executor, which writes what there is and
 * returns. Drains of one stream never overlap. A client that reads slowly holds the drain writing to it (and only
 * it) until its socket takes the bytes or Jetty's idle timeout gives up on it.
 */
final class StreamWriter {
    private static final byte[] HEARTBEAT = ": heartbeat\n\n".getBytes(StandardCharsets.UTF_8);
    /** Heartbeats written when a check of the client is asked for ({@link #probe}), this far apart. */
    private static final int CHECK_BEATS = 3;
    private static final long CHECK_GAP_MILLIS = 20;

    private final UserRef user;
    private final Executor drains;
    private final ScheduledExecutorService timer;
    private final long heartbeatNanos;
    private final byte[] opening;
    private final Function<EventBody, byte[]> frame;
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    /** Signals not yet drained: the drain that takes it from 0 runs until it is 0 again. */
    private final AtomicInteger pending = new AtomicInteger();
    private volatile boolean heartbeatDue;
    private volatile boolean beatNow;
    private volatile long lastWriteNanos = System.nanoTime();
    /** Set once by {@link #start}; a signal before it (the stream's catch-up read done early) writes nothing. */
    private volatile EventStream stream;
    private volatile OutputStream out;
    // Touched by drains only (never two at once).
    private boolean opened;

    /** A writer for one stream of {@code user}'s: {@link #signal} is what the stream is opened with. */
    StreamWriter(UserRef user, Executor drains, ScheduledExecutorService timer, long heartbeatMillis, byte[] opening,
                 Function<EventBody, byte[]> frame) {
        this.user = user;
        this.drains = drains;
        this.timer = timer;
        this.heartbeatNanos = TimeUnit.MILLISECONDS.toNanos(heartbeatMillis);
        this.opening = opening;
        this.frame = frame;
    }

    UserRef user() {
        return user;
    }

    /**
     * Starts writing the stream (opened with {@link #signal}) to {@code out}; the future completes when the stream
     * has ended (its client left, or the node stops).
     */
    CompletableFuture<Void> start(EventStream opened, OutputStream to) {
        this.out = to;
        this.stream = opened;
        signal();
        scheduleBeat(heartbeatWait());
        return done;
    }

    /** Ends the stream (its client reconnects with Last-Event-ID); the last drain completes the response. */
    void end() {
        EventStream s = stream;
        if (s != null) {
            s.close();
        }
    }

    /**
     * Finds out soon whether the client is still there: a client that went away is noticed only when a write to it
     * fails, and to a client that closed its connection the first write still succeeds (its side answers with a
     * reset), so a few heartbeats are written, a little apart.
     */
    void probe() {
        for (int beat = 0; beat < CHECK_BEATS; beat++) {
            try {
                timer.schedule(() -> {
                    beatNow = true;
                    signal();
                }, beat * CHECK_GAP_MILLIS, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException stopping) {
                return; // the node is stopping: its streams end
            }
        }
    }

    boolean isDone() {
        return done.isDone();
    }

    /** The stream has something for its client, or a heartbeat is due: one drain writes it. */
    void signal() {
        if (pending.getAndIncrement() == 0) {
            try {
                drains.execute(this::drain);
            } catch (RejectedExecutionException stopping) {
                finish();
            }
        }
    }

    private void drain() {
        int taken = 1;
        do {
            if (!writeWhatThereIs()) {
                finish();
                return;
            }
            taken = pending.addAndGet(-taken);
        } while (taken != 0);
    }

    /** Writes the stream's events, or a heartbeat that is due; false once the stream is over. */
    private boolean writeWhatThereIs() {
        EventStream stream = this.stream;
        if (stream == null) {
            return true; // not started yet: start() signals again
        }
        try {
            if (!stream.isOpen()) {
                return false;
            }
            boolean wrote = false;
            if (!opened) {
                // At once: the client knows it is connected while its catch-up read waits for its turn.
                out.write(opening);
                out.flush();
                opened = true;
                lastWriteNanos = System.nanoTime();
            }
            while (true) {
                EventPage page = stream.next(0);
                if (page.resync()) {
                    out.write(frame.apply(EventBody.resync(page.last(), System.currentTimeMillis())));
                } else if (!page.events().isEmpty()) {
                    for (var event : page.events()) {
                        out.write(frame.apply(EventBody.from(event)));
                    }
                } else {
                    break;
                }
                wrote = true;
            }
            if (beatNow || (heartbeatDue && !wrote)) {
                out.write(HEARTBEAT);
                wrote = true;
            }
            beatNow = false;
            heartbeatDue = false;
            if (wrote) {
                out.flush();
                lastWriteNanos = System.nanoTime();
            }
            return stream.isOpen();
        } catch (IOException | IllegalStateException gone) {
            // The client went away (Jetty says so either way): its stream closes; it reconnects with Last-Event-ID.
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (RuntimeException e) {
            // The store failed under a catch-up read: the client reconnects and catches up then.
            return false;
        }
    }

    private void finish() {
        end();
        done.complete(null);
    }

    /**
     * A heartbeat once the stream has written nothing for a while: the interval less up to a fifth, drawn afresh
     * each time, so that streams opened in the same second (a reconnect storm) do not write in the same
     * millisecond every interval after; never later than the interval, which proxies' idle timeouts count on.
     */
    private void beat() {
        if (done.isDone()) {
            return;
        }
        long wait = heartbeatWait();
        long idle = System.nanoTime() - lastWriteNanos;
        if (idle >= wait) {
            heartbeatDue = true;
            signal();
            scheduleBeat(wait);
        } else {
            scheduleBeat(wait - idle);
        }
    }

    private void scheduleBeat(long nanos) {
        try {
            timer.schedule(this::beat, nanos, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException stopping) {
            // the node is stopping: its streams end
        }
    }

    private long heartbeatWait() {
        return heartbeatNanos - ThreadLocalRandom.current().nextLong(heartbeatNanos / 5 + 1);
    }
}
