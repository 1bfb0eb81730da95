package io.conversations.adapter.http;

import io.conversations.adapter.http.dto.AdminBodies.HealthBody;
import io.conversations.application.model.StoreUnavailable;
import io.conversations.application.port.in.CheckHealth;
import io.conversations.application.port.in.IdempotentWrites;
import io.conversations.application.port.in.IdentifyUser;
import io.conversations.domain.common.InvalidInput;
import io.conversations.domain.common.Problem;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.component.LifeCycle;
import org.eclipse.jetty.util.thread.ThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The HTTP API as a whole: every route of API.md, its authentication, and one way errors are answered. */
public final class HttpApi implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HttpApi.class);
    /** How long a stop waits for the requests in flight. */
    public static final long STOP_TIMEOUT_MILLIS = 10_000;
    /** Connections waiting to be accepted (the kernel caps it at net.core.somaxconn, 4096 by default). */
    static final int ACCEPT_QUEUE = 4096;

    private final Javalin app;
    private final EventRoutes events;

    private final GracefulHandler graceful;

    private final WebFiles webFiles;

    private HttpApi(Javalin app, EventRoutes events, GracefulHandler graceful, WebFiles webFiles) {
        this.webFiles = webFiles;
        this.app = app;
        this.events = events;
        this.graceful = graceful;
    }

    /** The route classes, each built on the use cases it calls; each declares its own routes. */
    public record Routes(GroupRoutes groups, ConversationRoutes conversations, MessageRoutes messages, ChatRoutes chats,
                         EventRoutes events, AdminRoutes admin) {
        List<RouteTable.RouteSet> all() {
            return List.of(groups, conversations, messages, chats, events, admin);
        }
    }

    /**
     * Builds the API on its routes; call {@link #start} to listen. Around every route: {@code identifyUser} (a
     * token's user must be provisioned), {@code idempotentWrites} (the Idempotency-Key header), the rate limits and
     * {@code metrics} (served at /metrics); {@code health} answers /health.
     */
    public static HttpApi create(HttpSettings settings, Metrics metrics, Routes routes, IdentifyUser identifyUser,
                                 IdempotentWrites idempotentWrites, CheckHealth health) {
        Exchange exchange = Exchange.SHARED;
        Authentication auth = new Authentication(settings.tokens(), identifyUser, settings.adminKey());
        Cors cors = new Cors(settings.corsOrigins());
        Idempotency idempotency = new Idempotency(idempotentWrites, exchange);
        GracefulHandler graceful = new GracefulHandler();
        WebFiles webFiles = WebFiles.open();
        // A burst of twice the rate for a user (a page loading its list), ten times for the corp's backend.
        RateLimits limits = new RateLimits(
                new RateLimits.Limit(settings.userRequestsPerSecond(), settings.userRequestsPerSecond() * 2),
                new RateLimits.Limit(settings.adminRequestsPerSecond(), settings.adminRequestsPerSecond() * 10));

        Javalin app = Javalin.create(config -> {
            configureServer(config, graceful, webFiles);
            ThreadPool requestPool = Threads.requestPool();
            if (requestPool != null) {
                config.jetty.threadPool = requestPool;
            }
            config.requestLogger.http((ctx, millis) -> {
                try {
                    metrics.request(ctx, millis);
                } catch (RuntimeException gone) {
                    // a stream whose request Jetty already let go of
                }
                RequestLog.end(ctx, millis);
            });
            RoutesConfig r = config.routes;
            r.before(RequestLog::begin);
            r.before(Exchange::checkPercentEscapes);
            r.before(Exchange::checkDeclaredLength);
            if (cors.enabled()) {
                // No OPTIONS routes: with them every unknown path would answer 405 instead of 404.
                r.before(cors::decorate);
            }
            r.get("/", ctx -> ctx.redirect("/app/"));
            // Browsers ask for it on every page of the origin; the page's icon is an SVG beside it.
            r.get("/favicon.ico", ctx -> ctx.redirect("/app/favicon.svg", HttpStatus.MOVED_PERMANENTLY));

            Handler healthRoute = ctx -> {
                boolean up = health.healthy();
                exchange.json(ctx, up ? 200 : 503, new HealthBody(up ? "UP" : "DOWN"));
            };
            r.get("/health", healthRoute);
            r.get("/v1/health", healthRoute);
            // Readiness is /health (the store answers); liveness only says the process serves HTTP.
            r.get("/health/ready", healthRoute);
            r.get("/health/live", ctx -> exchange.json(ctx, 200, new HealthBody("UP")));
            byte[] openApi = openApi();
            r.get("/openapi.json", ctx -> ctx.contentType(Exchange.JSON).result(openApi));
            r.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape()));

            RouteTable table = new RouteTable(r, auth, limits, idempotency, exchange, settings.tokens().cursors());
            routes.all().forEach(set -> set.register(table));
            answerErrors(r, exchange);
        });
        return new HttpApi(app, routes.events(), graceful, webFiles);
    }

    /**
     * What the real start and the preload share: JSON through JSON-B, the request size, 405 before 404, Jetty's
     * errors as JSON, the listen backlog, the graceful stop, and the web SDK and page as static files.
     */
    private static void configureServer(JavalinConfig config, GracefulHandler graceful, WebFiles webFiles) {
        config.startup.showJavalinBanner = false;
        config.startup.showOldJavalinVersionWarning = false;
        config.jsonMapper(Exchange.SHARED.mapper());
        config.http.maxRequestSize = Exchange.MAX_BODY_BYTES;
        // A known path with another method is 405 (with Allow), not "no such route".
        config.http.prefer405over404 = true;
        config.jetty.modifyServer(server -> {
            server.setErrorHandler(new JettyJsonErrors());
            // A node restarting takes its clients' reconnections all at once: a listen backlog of 50 (what
            // Jetty leaves it at) drops most of them, each then waiting a second or more to try again.
            server.addEventListener(new LifeCycle.Listener() {
                @Override
                public void lifeCycleStarting(LifeCycle event) {
                    for (Connector connector : server.getConnectors()) {
                        if (connector instanceof ServerConnector listening) {
                            listening.setAcceptQueueSize(ACCEPT_QUEUE);
                        }
                    }
                }
            });
            // On stop (close()): requests in flight finish first, new ones are answered 503.
            server.setHandler(graceful);
        });
        config.jetty.modifyServletContextHandler(handler -> handler.setErrorHandler(new JettyJsonErrors()));
        // The web SDK (/sdk/conversations.js, .mjs, .d.ts) and the page that shows it working (/app/).
        config.staticFiles.add(files -> {
            files.hostedPath = "/sdk";
            files.directory = webFiles.directory("dist");
            files.location = webFiles.location();
            files.headers = Map.of("Cache-Control", "no-cache");
        });
        config.staticFiles.add(files -> {
            files.hostedPath = "/app";
            files.directory = webFiles.directory("app");
            files.location = webFiles.location();
            files.headers = Map.of("Cache-Control", "no-cache");
        });
    }

    /** Every failure a route lets out, answered in the contract's JSON shape. */
    private static void answerErrors(RoutesConfig r, Exchange exchange) {
        r.exception(InvalidInput.class, (e, ctx) -> exchange.error(ctx, e.rejection()));
        r.exception(StoreUnavailable.class, (e, ctx) -> {
            // The store says once when it goes down and comes back; the access log has each request's 50301.
            if (e.outcomeUnknown()) {
                LOG.warn("store failed while committing: {}", e.getMessage());
                exchange.error(ctx, Problem.OUTCOME_UNKNOWN, "the store failed while committing: the change may or "
                        + "may not have been made; read it back before trying again");
            } else {
                LOG.debug("store unavailable: {}", e.getMessage());
                exchange.error(ctx, Problem.STORE_UNAVAILABLE, "the store is unavailable; nothing was changed");
            }
        });
        r.exception(HttpResponseException.class, (e, ctx) -> {
            if (e.getStatus() == 405) {
                // RFC 9110: a 405 names the methods the path has. Javalin lists them in the details (under one
                // of two keys, by what the client accepts).
                String methods = e.getDetails().getOrDefault("availableMethods",
                        e.getDetails().get("Available methods"));
                if (methods != null && !methods.isBlank()) {
                    ctx.header("Allow", methods.replace(" ", "").replace(",", ", "));
                }
            }
            routingError(exchange, ctx, e.getStatus());
        });
        r.exception(Exception.class, (e, ctx) -> {
            // This handler must never throw: when an event stream ends after Jetty recycled its request,
            // Javalin's own completion fails ("Response does not exist"), and a handler that threw in turn
            // (ctx.path() is then an NPE) sent Javalin round that loop for ever, logging at full speed.
            try {
                LOG.error("unexpected failure on {} {}", ctx.method(), ctx.path(), e);
                exchange.json(ctx, 500, new io.conversations.adapter.http.dto.ErrorBody(50000, "internal error"));
            } catch (RuntimeException gone) {
                LOG.debug("a failure after the response was gone: {}", e.toString());
            }
        });
        r.error(404, ctx -> {
            if (ctx.result() == null || ctx.result().isEmpty()) {
                routingError(exchange, ctx, 404);
            }
        });
        r.error(405, ctx -> routingError(exchange, ctx, 405));
    }

    /** The OpenAPI 3.1 description of every route (kept in the repository; the end-to-end tests check answers against it). */
    static byte[] openApi() {
        return OpenApi.BYTES;
    }

    /** Read once, on first use (the preload's, beside the store's opening). */
    private static final class OpenApi {
        static final byte[] BYTES = read();

        private static byte[] read() {
            try (java.io.InputStream in = HttpApi.class.getResourceAsStream("/openapi.json")) {
                if (in == null) {
                    throw new IllegalStateException("openapi.json is missing from the jar");
                }
                return in.readAllBytes();
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * Loads and initialises the HTTP stack (Javalin, Jetty, JSON-B): a throwaway app started on a loopback
     * port the system picks, then stopped. Run on another thread while the store opens, the real start
     * finds it all loaded.
     */
    public static void preload() {
        Exchange.SHARED.mapper().write(new HealthBody("UP"));
        // Bucket4j's classes and the OpenAPI description load here too, off the start's critical path.
        new RateLimits(new RateLimits.Limit(1, 1), RateLimits.Limit.OFF).user("preload");
        openApi();
        try (WebFiles webFiles = WebFiles.open()) {
            Javalin.create(config -> {
                configureServer(config, new GracefulHandler(), webFiles);
                config.routes.get("/", ctx -> ctx.result(""));
            }).start("127.0.0.1", 0).stop();
        }
    }

    public HttpApi start(String host, int port) {
        try {
            app.start(host, port);
        } catch (RuntimeException e) {
            webFiles.close();
            throw e;
        }
        return this;
    }

    /** The port it listens on (useful after starting on port 0). */
    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        // The stream writers end first (their streams are closed by now) and complete their responses while
        // Jetty still holds them; stopping Jetty under a running writer recycles its response.
        events.close();
        // Then the requests in flight finish (new ones are answered 503), up to STOP_TIMEOUT; then Jetty stops,
        // closing idle connections at once (Jetty's own stop timeout waited a second for those).
        try {
            graceful.shutdown().get(STOP_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            LOG.warn("requests still running after {} ms; stopping anyway", STOP_TIMEOUT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            LOG.warn("waiting for the requests in flight failed: {}", e.toString());
        }
        app.stop();
        webFiles.close();
    }

    private static void routingError(Exchange exchange, Context ctx, int status) {
        if (status == 404) {
            exchange.error(ctx, Problem.NOT_FOUND, "no such route: " + ctx.method() + " " + ctx.path());
        } else if (status == 405) {
            String allowed = ctx.res().getHeader("Allow");
            exchange.error(ctx, Problem.METHOD_NOT_ALLOWED, ctx.method() + " is not a method of " + ctx.path()
                    + (allowed == null ? "" : "; allowed: " + allowed));
        } else if (status == 413) {
            // A chunked body declares no length: it is refused once it has grown past the limit.
            exchange.error(ctx, Problem.BODY_TOO_LARGE, "the body is larger than " + Exchange.MAX_BODY_BYTES
                    + " bytes, the most this service takes");
        } else {
            exchange.error(ctx, Problem.MALFORMED, "bad request");
        }
    }
}
