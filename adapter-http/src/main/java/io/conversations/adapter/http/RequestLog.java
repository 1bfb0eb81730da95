package io.conversations.adapter.http;

import io.javalin.http.Context;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * Each request's id (the client's {@code X-Request-Id} when it is a sensible one, else a new one), answered
 * back, put into error bodies and into every log line of the request (MDC {@code requestId}); and the access
 * log, one line a request: status, method, path, time, the caller, and the error code of a refusal.
 */
final class RequestLog {
    static final String HEADER = "X-Request-Id";
    static final String ID = "requestId";
    static final String USER = "caller";
    static final String ERROR_CODE = "errorCode";
    private static final Logger ACCESS = LoggerFactory.getLogger("access");
    private static final Pattern SENSIBLE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private RequestLog() {}

    /** Before anything else: the id, on the answer and in this thread's log lines. */
    static void begin(Context ctx) {
        String given = ctx.header(HEADER);
        String id = given != null && SENSIBLE.matcher(given).matches() ? given : newId();
        ctx.attribute(ID, id);
        ctx.header(HEADER, id);
        MDC.put(ID, id);
    }

    static String id(Context ctx) {
        try {
            return ctx.attribute(ID);
        } catch (RuntimeException gone) {
            return null;
        }
    }

    /** Javalin's request logger: after the answer (for a stream, when it ends). */
    static void end(Context ctx, Float millis) {
        try {
            Object caller = ctx.attribute(USER);
            Object code = ctx.attribute(ERROR_CODE);
            // The line for people; the same as key-value pairs for a JSON log's fields.
            long rounded = Math.round(millis);
            LoggingEventBuilder line = ACCESS.atInfo().addKeyValue("status", ctx.statusCode())
                    .addKeyValue("method", ctx.method().name()).addKeyValue("path", ctx.path())
                    .addKeyValue("durationMs", rounded);
            if (caller != null) {
                line = line.addKeyValue("caller", caller);
            }
            if (code != null) {
                line = line.addKeyValue("errorCode", code);
            }
            line.log("{} {} {} {} ms{}{} id={}", ctx.statusCode(), ctx.method(), ctx.path(), rounded,
                    caller == null ? "" : " caller=" + caller, code == null ? "" : " code=" + code, id(ctx));
        } catch (RuntimeException gone) {
            // a stream whose request Jetty already let go of: nothing to log about it
        } finally {
            MDC.remove(ID);
        }
    }

    /**
     * 16 hex digits: unique enough to find a request in the logs, and not a secret. Not SecureRandom: its
     * NativePRNG reads /dev/urandom under one lock, and under a burst of requests (a restarted node's clients
     * reconnecting) the request threads queued on it for seconds.
     */
    private static String newId() {
        return HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
    }
}
