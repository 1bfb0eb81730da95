package io.conversations.adapter.http;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Lets pages of the configured origins call the API (and load the SDK) from another origin. Bearer tokens, not
 * cookies, carry identity, so no credentials mode. A request from an origin that is not listed is answered as
 * usual, without CORS headers (its browser then keeps the answer from the page); same-origin requests, which
 * browsers also send with an {@code Origin} for modules and writes, are never refused. (Javalin's CORS plugin
 * answers 400 to static files requested with an unlisted origin, its own one included, which broke the page's
 * module script: hence these few lines.)
 */
final class Cors {
    static final String ALLOWED_METHODS = "GET, POST, PUT, PATCH, DELETE";
    static final String ALLOWED_HEADERS = "Authorization, Content-Type, Accept, Last-Event-ID";
    private static final int MAX_AGE_SECONDS = 600;
    private final Set<String> origins;
    private final boolean anyOrigin;

    Cors(List<String> origins) {
        this.anyOrigin = origins.contains("*");
        this.origins = Set.copyOf(origins.stream().map(o -> o.toLowerCase(Locale.ROOT)).toList());
    }

    boolean enabled() {
        return anyOrigin || !origins.isEmpty();
    }

    /**
     * Before every request: the headers that let a listed origin read the answer; and a browser's preflight
     * ({@code OPTIONS} before a request with Authorization, Last-Event-ID or a JSON body) answered 204 here.
     */
    void decorate(Context ctx) {
        String origin = ctx.header("Origin");
        if (origin == null || !allowed(origin)) {
            return;
        }
        ctx.header("Access-Control-Allow-Origin", anyOrigin ? "*" : origin);
        ctx.header("Vary", "Origin");
        ctx.header("Access-Control-Expose-Headers", "Retry-After");
        if (ctx.method() == HandlerType.OPTIONS && ctx.header("Access-Control-Request-Method") != null) {
            ctx.header("Access-Control-Allow-Methods", ALLOWED_METHODS);
            ctx.header("Access-Control-Allow-Headers", ALLOWED_HEADERS);
            ctx.header("Access-Control-Max-Age", String.valueOf(MAX_AGE_SECONDS));
            ctx.status(204);
            ctx.skipRemainingHandlers();
        }
    }

    private boolean allowed(String origin) {
        return anyOrigin || origins.contains(origin.toLowerCase(Locale.ROOT));
    }
}
