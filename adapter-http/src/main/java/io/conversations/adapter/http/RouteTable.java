package io.conversations.adapter.http;

import io.conversations.domain.common.Problem;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.util.OptionalLong;

/**
 * Where each route class declares its routes ({@link RouteSet}), saying only who may call: a user with a token, or
 * the corp's backend with the admin key. What stands around every such route is here, once: authentication, the
 * caller's rate limit, and the {@code Idempotency-Key} (which runs the handler inside the key's transaction, so it
 * wraps the handler rather than running before it).
 */
final class RouteTable {
    /** A class of routes: declares each of its paths and methods on the table. */
    interface RouteSet {
        void register(RouteTable routes);
    }

    private final RoutesConfig routes;
    private final Authentication auth;
    private final RateLimits limits;
    private final Idempotency idempotency;
    private final Exchange exchange;
    private final ListCursor cursors;

    RouteTable(RoutesConfig routes, Authentication auth, RateLimits limits, Idempotency idempotency, Exchange exchange,
               ListCursor cursors) {
        this.routes = routes;
        this.auth = auth;
        this.limits = limits;
        this.idempotency = idempotency;
        this.exchange = exchange;
        this.cursors = cursors;
    }

    /** The cursors of paged lists: what the routes of such lists give out and take back. */
    ListCursor cursors() {
        return cursors;
    }

    /** A route for a user: it runs only with a valid token of a provisioned user, and is told who they are. */
    void user(HandlerType method, String path, UserHandler handler) {
        routes.addHttpHandler(method, path, ctx -> {
            var user = auth.user(ctx);
            if (user.isEmpty()) {
                refuse(ctx, "a valid bearer token is required");
                return;
            }
            String caller = user.get().corp() + "/" + user.get().user();
            ctx.attribute(RequestLog.USER, caller);
            OptionalLong wait = limits.user(caller);
            if (wait.isPresent()) {
                exchange.limited(ctx, wait.getAsLong(), "this user sends requests faster than its rate limit");
                return;
            }
            idempotency.handle(ctx, caller, c -> handler.handle(c, user.get()));
        });
    }

    /** A route for the corp's backend: it runs only with the admin key. */
    void admin(HandlerType method, String path, Handler handler) {
        routes.addHttpHandler(method, path, ctx -> {
            if (!auth.admin(ctx)) {
                refuse(ctx, "the admin key is required");
                return;
            }
            ctx.attribute(RequestLog.USER, "admin");
            OptionalLong wait = limits.admin();
            if (wait.isPresent()) {
                exchange.limited(ctx, wait.getAsLong(), "the admin key sends requests faster than its rate limit");
                return;
            }
            idempotency.handle(ctx, "admin", handler);
        });
    }

    /**
     * 401, until one address has been refused more often than {@link RateLimits#FAILED_BURST} at once: then 429
     * with Retry-After (guessing tokens or the admin key is slowed; a good credential is never counted).
     */
    private void refuse(io.javalin.http.Context ctx, String message) {
        OptionalLong wait = limits.failed(ctx.ip());
        if (wait.isPresent()) {
            exchange.limited(ctx, wait.getAsLong(), "too many requests with refused credentials from this address");
        } else {
            exchange.error(ctx, Problem.UNAUTHENTICATED, message);
        }
    }
}
