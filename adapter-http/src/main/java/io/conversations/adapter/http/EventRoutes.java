package io.conversations.adapter.http;

import io.conversations.adapter.http.dto.EventsBody.EventBody;
import io.conversations.adapter.http.dto.EventsBody;
import io.conversations.application.model.EventPage;
import io.conversations.application.port.in.EventStream;
import io.conversations.application.port.in.FollowEvents;
import io.conversations.application.port.in.ReadEvents;
import io.conversations.domain.common.Outcome;
import io.conversations.domain.common.Problem;
import io.conversations.domain.identity.UserRef;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * {@code GET /v1/events}: the caller's events as Server-Sent Events (replay after {@code Last-Event-ID}
 * or {@code ?after=}, then live, with a comment as heartbeat), or as a JSON batch for
 * {@code Accept: application/json}. A stream holds no thread while it is idle: a {@link StreamWriter}
 * writes when its stream signals events or a heartbeat is due, at the pace its client reads them.
 */
public final class EventRoutes implements RouteTable.RouteSet, AutoCloseable {
    /** How long a browser's EventSource waits before it reconnects (with Last-Event-ID). */
    private static final long RETRY_MILLIS = 2_000;
    /** How long a refused stream waits for a slot a gone client gives back after a probe (a busy machine: 1 s). */
    private static final long PROBE_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(1_000);
    /** What a stream starts with: how long to wait before reconnecting. */
    private static final byte[] OPENING = ("retry: " + RETRY_MILLIS + "\n\n").getBytes(StandardCharsets.UTF_8);

    private final ReadEvents readEvents;
    private final FollowEvents followEvents;
    private final Exchange exchange = Exchange.SHARED;
    private final JsonbMapper json = exchange.mapper();
    private final long heartbeatMillis;
    /** Runs the streams' drains: a few at a time, not one a stream (see StreamWriter). */
    private final ExecutorService drains = Threads.streamWriters();
    /** Heartbeats and client checks, for every stream of this node: one thread and a queue of timers. */
    private final ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, task -> {
        Thread t = new Thread(task, "event-heartbeats");
        t.setDaemon(true);
        return t;
    });
    /** The writers of the streams open here, by user. */
    private final Map<UserRef, Set<StreamWriter>> open = new ConcurrentHashMap<>();

    /** {@code heartbeatMillis}: how often an idle stream writes a comment, so that proxies and clients see it alive. */
    public EventRoutes(ReadEvents readEvents, FollowEvents followEvents, long heartbeatMillis) {
        if (heartbeatMillis < 1) {
            throw new IllegalArgumentException("the heartbeat interval must be positive");
        }
        this.readEvents = readEvents;
        this.followEvents = followEvents;
        this.heartbeatMillis = heartbeatMillis;
        timer.setRemoveOnCancelPolicy(true);
    }

    @Override
    public void register(RouteTable routes) {
        routes.user(HandlerType.GET, "/v1/events", this::events);
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
        StreamWriter writer = new StreamWriter(user, drains, timer, heartbeatMillis, OPENING, this::frame);
        Outcome<EventStream> opened = follow(user, after, writer);
        if (opened instanceof Outcome.Rejected<EventStream> refused) {
            exchange.error(ctx, refused.rejection());
            return;
        }
        EventStream stream = ((Outcome.Done<EventStream>) opened).value();
        ctx.status(200);
        ctx.res().setContentType("text/event-stream;charset=utf-8");
        ctx.res().setHeader("Cache-Control", "no-cache");
        ctx.res().setHeader("X-Accel-Buffering", "no");
        OutputStream out;
        try {
            out = ctx.res().getOutputStream();
        } catch (IOException gone) {
            stream.close();
            return;
        }
        open.computeIfAbsent(user, u -> ConcurrentHashMap.newKeySet()).add(writer);
        ctx.future(() -> writer.start(stream, out).whenComplete((ended, failure) -> forget(writer)));
    }

    /**
     * Opens the user's stream for {@code writer}. When the user has as many open as allowed, one of them may be a
     * client that went away (a reloaded page, a dropped network), holding its slot until a write to it fails, and
     * nothing is written to an idle stream before its next heartbeat: the user's writers are asked to write now,
     * and a slot one of them gives back within a second is taken.
     */
    private Outcome<EventStream> follow(UserRef user, long after, StreamWriter writer) {
        Outcome<EventStream> opened = followEvents.follow(user, after, writer::signal);
        if (!refusedAsTooMany(opened)) {
            return opened;
        }
        open.getOrDefault(user, Set.of()).forEach(StreamWriter::probe);
        long deadline = System.nanoTime() + PROBE_WAIT_NANOS;
        while (refusedAsTooMany(opened) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            opened = followEvents.follow(user, after, writer::signal);
        }
        return opened;
    }

    private static boolean refusedAsTooMany(Outcome<EventStream> opened) {
        return opened instanceof Outcome.Rejected<EventStream> refused
                && refused.rejection().problem() == Problem.TOO_MANY_STREAMS;
    }

    private void forget(StreamWriter writer) {
        open.computeIfPresent(writer.user(), (u, writers) -> {
            writers.remove(writer);
            return writers.isEmpty() ? null : writers;
        });
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

    /**
     * Ends every stream still open and waits (up to 5 s) for their last writes, so that Jetty, stopping after
     * this, does not recycle a response under a running writer.
     */
    @Override
    public void close() {
        open.values().forEach(writers -> writers.forEach(StreamWriter::end));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (open.values().stream().flatMap(Set::stream).anyMatch(w -> !w.isDone())
                && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        timer.shutdownNow();
        drains.shutdown();
        try {
            drains.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
