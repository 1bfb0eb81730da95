package io.conversations.adapter.http;

import io.conversations.adapter.http.dto.EventsBody.EventBody;
import io.conversations.adapter.http.dto.EventsBody;
import io.conversations.application.model.EventPage;
import io.conversations.application.port.in.EventStream;
import io.conversations.application.port.in.FollowEvents;
import io.conversations.application.port.in.ReadEvents;
import io.conversations.domain.common.Outcome;
import io.conversations.domain.identity.UserRef;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * {@code GET /v1/events}: the caller's events as Server-Sent Events (replay after {@code Last-Event-ID}
 * or {@code ?after=}, then live, with a comment as heartbeat), or as a JSON batch for
 * {@code Accept: application/json}. Each stream is written by a thread of its own, which takes
 * events at the pace its client reads them: a slow client waits alone.
 */
public final class EventRoutes implements AutoCloseable {
    private static final byte[] HEARTBEAT = ": heartbeat\n\n".getBytes(StandardCharsets.UTF_8);
    /** How long a browser's EventSource waits before it reconnects (with Last-Event-ID). */
    private static final long RETRY_MILLIS = 2_000;

    private final ReadEvents readEvents;
    private final FollowEvents followEvents;
    private final Exchange exchange = Exchange.SHARED;
    private final JsonbMapper json = exchange.mapper();
    private final long heartbeatMillis;
    private final ExecutorService writers;

    /** {@code heartbeatMillis}: how often an idle stream writes a comment, so that proxies and clients see it alive. */
    public EventRoutes(ReadEvents readEvents, FollowEvents followEvents, long heartbeatMillis) {
        if (heartbeatMillis < 1) {
            throw new IllegalArgumentException("the heartbeat interval must be positive");
        }
        this.readEvents = readEvents;
        this.followEvents = followEvents;
        this.heartbeatMillis = heartbeatMillis;
        this.writers = Threads.streamWriters();
    }

    void events(Context ctx, UserRef user) {
        String accept = ctx.header("Accept");
        if (accept != null && accept.contains("text/event-stream")) {
            stream(ctx, user);
        } else {
            long after = Exchange.longQuery(ctx, "after", 0);
            int limit = Exchange.intQuery(ctx, "limit", ReadEvents.MAX_BATCH, 1, ReadEvents.MAX_BATCH);
            EventPage page = readEvents.readAfter(user, after, limit);
            exchange.json(ctx, 200, EventsBody.from(page, System.currentTimeMillis()));
        }
    }

    private void stream(Context ctx, UserRef user) {
        long after = lastEventId(ctx);
        Outcome<EventStream> opened = followEvents.follow(user, after);
        if (opened instanceof Outcome.Rejected<EventStream> refused) {
            exchange.error(ctx, refused.rejection());
            return;
        }
        EventStream stream = ((Outcome.Done<EventStream>) opened).value();
        ctx.status(200);
        ctx.res().setContentType("text/event-stream;charset=utf-8");
        ctx.res().setHeader("Cache-Control", "no-cache");
        ctx.res().setHeader("X-Accel-Buffering", "no");
        ctx.async(config -> {
            config.executor = writers;
            config.timeout = 0;
        }, () -> write(ctx, stream));
    }

    /** Writes the stream until the client goes away or the service stops. */
    private void write(Context ctx, EventStream stream) {
        try (stream) {
            OutputStream out = ctx.res().getOutputStream();
            out.write(("retry: " + RETRY_MILLIS + "\n\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            while (stream.isOpen()) {
                EventPage page = stream.next(heartbeatWait());
                if (page.resync()) {
                    out.write(frame(EventBody.resync(page.last(), System.currentTimeMillis())));
                } else if (page.events().isEmpty()) {
                    if (!stream.isOpen()) {
                        break;
                    }
                    out.write(HEARTBEAT);
                } else {
                    for (var event : page.events()) {
                        out.write(frame(EventBody.from(event)));
                    }
                }
                out.flush();
            }
        } catch (IOException | IllegalStateException e) {
            // The client went away (Jetty says so either way): its stream closes; it reconnects with Last-Event-ID.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * How long an idle stream waits before its next heartbeat: the interval less up to a fifth, drawn afresh each
     * time, so that streams opened in the same second (a reconnect storm) do not all write in the same
     * millisecond every interval after; never later than the interval, which proxies' idle timeouts count on.
     */
    private long heartbeatWait() {
        return heartbeatMillis - ThreadLocalRandom.current().nextLong(heartbeatMillis / 5 + 1);
    }

    private byte[] frame(EventBody event) {
        // JSON-B writes one line, so one data field carries the whole value.
        return ("id: " + event.id() + "\nevent: " + event.event() + "\ndata: " + json.write(event.data()) + "\n\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** {@code Last-Event-ID} (what a reconnecting EventSource sends) wins over {@code ?after=}. */
    private static long lastEventId(Context ctx) {
        String header = ctx.header("Last-Event-ID");
        if (header == null || header.isBlank()) {
            return Exchange.longQuery(ctx, "after", 0);
        }
        return Exchange.nonNegative("Last-Event-ID", header.trim(), 0);
    }

    @Override
    public void close() {
        writers.shutdown();
        try {
            writers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
