package io.conversations.adapter.http;

import io.conversations.adapter.http.dto.ErrorBody;
import io.conversations.domain.chat.ChatId;
import io.conversations.domain.common.Ids;
import io.conversations.domain.common.InvalidInput;
import io.conversations.domain.common.Outcome;
import io.conversations.domain.common.Problem;
import io.conversations.domain.common.Rejection;
import io.conversations.domain.conversation.ConversationId;
import io.javalin.http.Context;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.Function;

/**
 * Reading requests and writing answers: JSON bodies with the contract's content type, outcomes and refusals
 * alike. One for the whole adapter ({@link #SHARED}): it holds nothing but the JSON-B mapper, which is
 * thread-safe.
 */
final class Exchange {
    static final String JSON = "application/json; charset=utf-8";
    static final Exchange SHARED = new Exchange(new JsonbMapper());
    private final JsonbMapper json;

    private Exchange(JsonbMapper json) {
        this.json = json;
    }

    /** The mapper Javalin uses too, so both write the same JSON. */
    JsonbMapper mapper() {
        return json;
    }

    void json(Context ctx, int status, Object body) {
        ctx.status(status).contentType(JSON).result(json.write(body));
    }

    /** A body as the bytes {@link #rendered} answers with. */
    byte[] render(Object body) {
        return json.write(body).getBytes(StandardCharsets.UTF_8);
    }

    /** Answers a body rendered before. */
    void rendered(Context ctx, int status, byte[] body) {
        ctx.status(status).contentType(JSON).result(body);
    }

    /** The contract's error body; a refusal that a later try may pass (429, 503) says when with Retry-After. */
    void error(Context ctx, Rejection rejection) {
        int status = ErrorTable.status(rejection.problem());
        error(ctx, rejection, status == 429 ? 5 : 1);
    }

    /** As above, with the seconds a later try should wait when the refusal is a 429 or 503. */
    private void error(Context ctx, Rejection rejection, long retryAfterSeconds) {
        int status = ErrorTable.status(rejection.problem());
        if (status == 429 || status == 503) {
            ctx.header("Retry-After", Long.toString(retryAfterSeconds));
        }
        ctx.attribute(RequestLog.ERROR_CODE, rejection.problem().code());
        json(ctx, status, new ErrorBody(rejection.problem().code(), rejection.message(), RequestLog.id(ctx)));
    }

    /** 429 for a rate limit, with the seconds until the bucket holds a request again. */
    void limited(Context ctx, long retryAfterSeconds, String message) {
        error(ctx, new Rejection(Problem.RATE_LIMITED, message), retryAfterSeconds);
    }

    void error(Context ctx, Problem problem, String message) {
        error(ctx, new Rejection(problem, message));
    }

    /** Answers a use case's outcome: {@code status} and the mapped value when done, the refusal otherwise. */
    <T> void outcome(Context ctx, Outcome<T> outcome, int status, Function<T, Object> body) {
        if (outcome instanceof Outcome.Done<T> done) {
            json(ctx, status, body.apply(done.value()));
        } else {
            error(ctx, ((Outcome.Rejected<T>) outcome).rejection());
        }
    }

    /** Like {@link #outcome} for calls that answer 204 with no body. */
    <T> void noContent(Context ctx, Outcome<T> outcome) {
        if (outcome instanceof Outcome.Rejected<T> rejected) {
            error(ctx, rejected.rejection());
        } else {
            ctx.status(204);
        }
    }

    /**
     * The path's conversation id; one that cannot exist is refused exactly like one the user does not have
     * (40401): the request ends there, answered by the route's InvalidInput handler.
     */
    static ConversationId conversationId(Context ctx, String param) {
        String raw = path(ctx, param);
        return ConversationId.tryParse(raw)
                .orElseThrow(() -> new InvalidInput(Problem.NOT_FOUND, "no conversation " + raw + " for this user"));
    }

    /** The path's chat id; one that cannot exist is refused exactly like one the caller is not in (40401). */
    static ChatId chatId(Context ctx, String param) {
        String raw = path(ctx, param);
        if (!Ids.isValid(raw)) {
            throw new InvalidInput(Problem.NOT_FOUND, "no chat " + raw + " for this user");
        }
        return new ChatId(raw);
    }

    /**
     * The request's body as the contract's JSON: UTF-8 (a Content-Type naming another charset is refused, not
     * looked up), decoded strictly, so that broken bytes are refused instead of stored as U+FFFD.
     */
    static JsonBody body(Context ctx) {
        String contentType = ctx.header("Content-Type");
        if (contentType != null) {
            checkJsonMediaType(contentType);
            for (String param : contentType.split(";")) {
                String p = param.trim();
                if (p.regionMatches(true, 0, "charset=", 0, 8)) {
                    String charset = p.substring(8).replace("\"", "").trim();
                    if (!charset.equalsIgnoreCase("utf-8") && !charset.equalsIgnoreCase("utf8")) {
                        throw new InvalidInput(Problem.MALFORMED, "the body must be JSON in UTF-8, not " + charset);
                    }
                }
            }
        }
        try {
            return JsonBody.parse(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bodyBytes(ctx))).toString());
        } catch (CharacterCodingException e) {
            throw new InvalidInput(Problem.MALFORMED, "the body is not valid UTF-8");
        }
    }

    /**
     * A body declared as something else than JSON is refused with 415 (41501) instead of read as JSON anyway:
     * a form, text or multipart body is a client that means something other than what the contract takes. A body
     * without a Content-Type is read as JSON (the contract names none; a client that sends none means JSON).
     */
    private static void checkJsonMediaType(String contentType) {
        int end = contentType.indexOf(';');
        String type = (end < 0 ? contentType : contentType.substring(0, end)).trim().toLowerCase(Locale.ROOT);
        if (!type.isEmpty() && !type.equals("application/json")
                && !(type.startsWith("application/") && type.endsWith("+json"))) {
            throw new InvalidInput(Problem.UNSUPPORTED_MEDIA_TYPE,
                    "the body must be JSON (Content-Type: application/json), not " + type);
        }
    }

    /** The largest request body the service reads. */
    static final int MAX_BODY_BYTES = 1_000_000;

    /**
     * A body declared larger than {@link #MAX_BODY_BYTES} is refused at once with 413 (41301), before a byte of
     * it is read: before, a declared 2 GB body held the connection until Jetty's idle timeout and a bare 408.
     */
    static void checkDeclaredLength(Context ctx) {
        String declared = ctx.header("Content-Length");
        if (declared != null && declaredBytes(declared) > MAX_BODY_BYTES) {
            ctx.header("Connection", "close"); // the rest of the body is not read
            throw new InvalidInput(Problem.BODY_TOO_LARGE,
                    "the body is " + declared.trim() + " bytes; this service takes at most " + MAX_BODY_BYTES);
        }
    }

    /** A Content-Length as a number; one too long for a long is too large too (Jetty refuses one that is no number). */
    private static long declaredBytes(String declared) {
        try {
            return Long.parseLong(declared.trim());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    /**
     * The body's bytes. A body the server cannot read because the client framed it wrong (a chunk size that is
     * not hex, chunk data without its CRLF, the connection ending mid-body) is the client's error: 40001, where
     * Jetty's exception used to answer 500 with a stack trace in the log per request.
     */
    static byte[] bodyBytes(Context ctx) {
        try {
            return ctx.bodyAsBytes();
        } catch (Exception e) { // Javalin (Kotlin) lets Jetty's IOExceptions through undeclared
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof org.eclipse.jetty.http.BadMessageException || t instanceof java.io.IOException) {
                    throw new InvalidInput(Problem.MALFORMED, "the body could not be read: its framing is broken ("
                            + t.getClass().getSimpleName() + ")");
                }
            }
            throw e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
        }
    }

    /**
     * Refuses a path whose percent-escapes are not each two hex digits ("%u0041"): the router decodes path
     * parameters before any handler runs and would fail with a 500. Run before every route.
     */
    static void checkPercentEscapes(Context ctx) {
        if (!isPercentEncodedUtf8(ctx.path())) {
            throw new InvalidInput(Problem.MALFORMED, "the path is not valid percent-encoded UTF-8");
        }
        String query = ctx.queryString();
        // Before, a broken escape in the query made every parameter vanish: ?groupName=x%zz listed everything.
        if (query != null && !isPercentEncodedUtf8(query.replace('+', ' '))) {
            throw new InvalidInput(Problem.MALFORMED, "the query is not valid percent-encoded UTF-8");
        }
    }

    /** Every {@code %} starts two hex digits, and the bytes they stand for, with the rest, are UTF-8. */
    private static boolean isPercentEncodedUtf8(String raw) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c != '%') {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
                continue;
            }
            if (i + 2 >= raw.length() || Character.digit(raw.charAt(i + 1), 16) < 0
                    || Character.digit(raw.charAt(i + 2), 16) < 0) {
                return false;
            }
            bytes.write(Integer.parseInt(raw, i + 1, i + 3, 16));
            i += 2;
        }
        try {
            StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes.toByteArray()));
            return true;
        } catch (java.nio.charset.CharacterCodingException e) {
            return false;
        }
    }

    /** A path parameter, percent-decoded as UTF-8 by the router; one that does not decode cleanly is refused. */
    static String path(Context ctx, String name) {
        String value = ctx.pathParam(name);
        if (value.indexOf('\uFFFD') >= 0) {
            throw new InvalidInput(Problem.MALFORMED, name + " is not valid percent-encoded UTF-8");
        }
        return value;
    }

    static int intQuery(Context ctx, String name, int fallback, int min, int max) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isEmpty()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // answered below
        }
        throw new InvalidInput(Problem.MALFORMED, name + " must be an integer " + min + ".." + max);
    }

    /** A flag in the query: {@code true} or {@code false}; absent or empty is false. */
    static boolean booleanQuery(Context ctx, String name) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isEmpty() || raw.equals("false")) {
            return false;
        }
        if (raw.equals("true")) {
            return true;
        }
        throw new InvalidInput(Problem.MALFORMED, name + " must be true or false");
    }

    static long longQuery(Context ctx, String name, long fallback) {
        return nonNegative(name, ctx.queryParam(name), fallback);
    }

    /** A non-negative integer given as text under {@code name} (a parameter or a header); absent is the fallback. */
    static long nonNegative(String name, String raw, long fallback) {
        if (raw == null || raw.isEmpty()) {
            return fallback;
        }
        try {
            long value = Long.parseLong(raw);
            if (value >= 0) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // answered below
        }
        throw new InvalidInput(Problem.MALFORMED, name + " must be a non-negative integer");
    }
}
