package io.conversations.bootstrap;

import io.conversations.adapter.http.AdminRoutes;
import io.conversations.adapter.http.ChatRoutes;
import io.conversations.adapter.http.ConversationRoutes;
import io.conversations.adapter.http.EventRoutes;
import io.conversations.adapter.http.GroupRoutes;
import io.conversations.adapter.http.HttpApi;
import io.conversations.adapter.http.HttpSettings;
import io.conversations.adapter.http.JwtTokens;
import io.conversations.adapter.http.MessageRoutes;
import io.conversations.adapter.http.Metrics;
import io.conversations.adapter.http.RenderedViews;
import io.conversations.adapter.http.Threads;
import io.conversations.adapter.http.ViewCache;
import io.conversations.adapter.persistence.FeedTail;
import io.conversations.adapter.persistence.Store;
import io.conversations.adapter.persistence.StoreSettings;
import io.conversations.application.port.out.Clock;
import io.conversations.application.service.ChatChangeEvents;
import io.conversations.application.service.ChatService;
import io.conversations.application.service.ConversationService;
import io.conversations.application.service.DirectoryService;
import io.conversations.application.service.EventDelivery;
import io.conversations.application.service.EventRecorder;
import io.conversations.application.service.EventService;
import io.conversations.application.service.GroupService;
import io.conversations.application.service.HealthService;
import io.conversations.application.service.IdempotencyService;
import io.conversations.application.service.MessageService;
import io.conversations.application.service.ShareService;
import io.conversations.application.service.StreamRegistry;
import io.conversations.application.service.TokenService;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Every object of the running service, built with {@code new} in this one place. */
public final class Wiring implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Wiring.class);
    private final Store store;
    private final HttpApi http;
    private final StreamRegistry streams;
    private final FeedTail tail;
    private final EventService events;
    private final ScheduledExecutorService housekeeping;

    private Wiring(Store store, HttpApi http, StreamRegistry streams, FeedTail tail, EventService events,
                   ScheduledExecutorService housekeeping) {
        this.store = store;
        this.http = http;
        this.streams = streams;
        this.tail = tail;
        this.events = events;
        this.housekeeping = housekeeping;
    }

    /** Opens the store, wires the use cases and starts listening. */
    public static Wiring start(Config config) {
        checkPortFree(config.host(), config.port()); // before the store opens or a key file is written
        StoreSettings storeSettings = config.dbUrl()
                .map(url -> StoreSettings.mariaDb(url, config.dbUser(), config.dbPassword()))
                .orElseGet(() -> StoreSettings.embedded(config.dataDir()));

        Thread preload = new Thread(HttpApi::preload, "preload-http");
        preload.setDaemon(true);
        preload.start(); // beside the store's opening (migrations): the two load different classes
        // The metrics registry (Micrometer, Prometheus) takes a few hundred ms to load: built beside them too.
        java.util.concurrent.CompletableFuture<Metrics> registry =
                java.util.concurrent.CompletableFuture.supplyAsync(Metrics::new, Wiring::daemon);
        Store store = openWaiting(storeSettings, config.dbWaitSeconds());
        StreamRegistry streams = null;
        FeedTail tail = null;
        try {
            // Key files are written only once the store is there: a start that cannot open it leaves nothing.
            String adminKey = Secrets.configuredOrKept(config.adminKey(), config.dataDir(), "admin.key", "admin key");
            String tokenSecret = Secrets.configuredOrKept(config.tokenSecret(), config.dataDir(), "token.secret",
                    "token secret");
            if (config.dbUrl().isPresent() && (config.tokenSecret().isEmpty() || config.adminKey().isEmpty())) {
                LOG.warn("the token secret or the admin key is this node's own (kept in {}): every node on this "
                        + "database must have the same, or tokens and the admin key work on one node only; set "
                        + "CONVERSATIONS_TOKEN_SECRET and CONVERSATIONS_ADMIN_KEY alike on each",
                        config.dataDir().toAbsolutePath().normalize());
            }
            JwtTokens tokens = new JwtTokens(tokenSecret);
            LOG.info("limits: {} groups a user, {} grouped conversations a user, {} event streams a user and {} a node, "
                    + "events kept {} days, {} requests a second a user and {} for the admin key (0: none)",
                    config.limits().maxGroups(), config.limits().maxGroupedConversations(),
                    config.events().streamsPerUser(), config.events().streamsPerNode(), config.events().retentionDays(),
                    config.userRequestsPerSecond(), config.adminRequestsPerSecond());
            LOG.info("requests and event streams run on {}", Threads.describe());
            Clock clock = System::currentTimeMillis;
            EventRecorder recorder = new EventRecorder(store.eventLog(), store.conversations());
            GroupService groups = new GroupService(store.transactions(), store.conversationGroups(), recorder, clock,
                    config.limits());
            ConversationService conversations = new ConversationService(store.transactions(), store.conversations(),
                    store.conversationGroups(), store.eventLog(), recorder, store.directory(), clock);
            Config.Events eventConfig = config.events();
            ChatChangeEvents chatEvents = new ChatChangeEvents(store.transactions(), store.conversations(),
                    store.directory(), recorder, clock);
            EventService events = new EventService(store.transactions(), store.eventLog(), chatEvents, clock,
                    TimeUnit.DAYS.toMillis(eventConfig.retentionDays()));
            streams = new StreamRegistry(store.catchUpReads(),
                    new StreamRegistry.Limits(eventConfig.streamsPerUser(), eventConfig.streamsPerNode()));
            EventDelivery delivery = new EventDelivery(streams, store.transactions(), store.eventLog(), store.chats(),
                    chatEvents);
            // The kept first pages learn of a commit here before the writing request answers: its client's next
            // read here must not get the old answer.
            ViewCache views = config.listCacheBytes() > 0 ? ViewCache.watching(config.listCacheBytes(), delivery) : null;
            tail = store.tellCommittedEvents(delivery, eventConfig.pollMillis());
            MessageService messages = new MessageService(store.transactions(), store.chats(), store.messages(),
                    store.conversations(), store.directory(), recorder, clock);
            DirectoryService directory = new DirectoryService(store.transactions(), store.directory(), store.chats(),
                    store.conversations(), recorder, clock);
            ChatService chats = new ChatService(store.transactions(), store.directory(), store.chats(),
                    store.conversations(), store.conversationGroups(), recorder, clock, config.bigChatMembers());
            TokenService userTokens = new TokenService(store.transactions(), store.directory(), tokens, clock);
            IdempotencyService idempotency = new IdempotencyService(store.transactions(), store.idempotencyKeys(), clock);
            ShareService shares = new ShareService(store.transactions(), store.pickedChats(), conversations, messages,
                    clock);
            Metrics metrics = metrics(registry.join(), store, streams, tail, views);
            metrics.counter("events.bigchats.recorded", "members' events of big chats recorded for the streams on this "
                    + "node, at the ends of the tail's rounds", delivery::recordedForFollowers);
            metrics.gauge("events.bigchats.record.millis", "milliseconds the last round spent recording them",
                    delivery::lastRecordingMillis);
            HttpApi.Routes routes = new HttpApi.Routes(
                    new GroupRoutes(groups, groups, groups, groups, groups, groups),
                    new ConversationRoutes(conversations, conversations, conversations, conversations, conversations,
                            conversations,
                            views != null ? views : RenderedViews.NONE),
                    new MessageRoutes(messages, messages, shares),
                    new ChatRoutes(conversations, conversations, shares, conversations),
                    new EventRoutes(events, streams, eventConfig.heartbeatMillis()),
                    new AdminRoutes(directory, directory, chats, chats, userTokens));
            HttpApi http = HttpApi.create(new HttpSettings(adminKey, tokens, config.corsOrigins(),
                            config.userRequestsPerSecond(), config.adminRequestsPerSecond()),
                    metrics, routes, userTokens, idempotency, new HealthService(store.health()))
                    .start(config.host(), config.port());
            daemon(metrics::bindJvmAndProcess); // off the start's path: the node answers first
            ScheduledExecutorService housekeeping = Executors.newSingleThreadScheduledExecutor(task -> {
                Thread t = new Thread(task, "event-retention");
                t.setDaemon(true);
                return t;
            });
            // Every node prunes; deleting what another node already deleted costs nothing.
            housekeeping.scheduleWithFixedDelay(() -> prune(events, shares, idempotency), 1, 60, TimeUnit.MINUTES);
            return new Wiring(store, http, streams, tail, events, housekeeping);
        } catch (RuntimeException e) {
            if (streams != null) {
                streams.close();
            }
            if (tail != null) {
                tail.close();
            }
            store.close();
            throw e;
        }
    }

    /**
     * Refuses a port another process listens on, in one line, before anything is opened or written: Jetty found
     * out only after the store had opened and the key files were written, with a 40-line stack trace.
     */
    static void checkPortFree(String host, int port) {
        if (port == 0) {
            return; // any free port
        }
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true); // as Jetty binds: a port in TIME_WAIT is free
            probe.bind(new InetSocketAddress(host, port));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot listen on " + host + ":" + port + " (" + e.getMessage()
                    + "): is another service on it? Choose another with CONVERSATIONS_PORT");
        }
    }

    /** What /metrics shows beside the HTTP requests, each read when scraped. */
    private static void daemon(Runnable task) {
        Thread t = new Thread(task, "preload-metrics");
        t.setDaemon(true);
        t.start();
    }

    private static Metrics metrics(Metrics metrics, Store store, StreamRegistry streams, FeedTail tail,
                                   ViewCache views) {
        metrics.gauge("store.connections.active", "pooled connections in use", () -> store.stats().activeConnections());
        metrics.gauge("store.connections.idle", "pooled connections idle", () -> store.stats().idleConnections());
        metrics.gauge("store.connections.pooled", "pooled connections, in use or idle",
                () -> store.stats().totalConnections());
        metrics.gauge("store.connections.waiting", "requests waiting for a pooled connection",
                () -> store.stats().waitingForConnection());
        metrics.gauge("store.down", "1 while the database does not answer", () -> store.stats().down() ? 1 : 0);
        metrics.counter("store.transaction.retries", "transactions tried again after a deadlock, a lock-wait timeout, a Galera certification conflict or a failover",
                () -> store.stats().transactionRetries());
        metrics.gauge("events.streams.open", "event streams open on this node", streams::openStreams);
        metrics.counter("events.log.reads", "reads of users' logs by streams catching up",
                () -> store.catchUpReads().reads());
        metrics.counter("events.log.reads.shared", "log reads spared: a stream shared another's of the same user",
                () -> store.catchUpReads().shared());
        metrics.gauge("events.tail.lag.millis", "milliseconds since the event tail last caught up with the feed",
                tail::tailLagMillis);
        metrics.gauge("events.tail.gaps.runs", "runs of feed positions the tail waits for (rolled back or committing)",
                tail::gapRuns);
        metrics.gauge("events.tail.gaps.positions", "feed positions in those runs", tail::gapPositions);
        if (views != null) {
            metrics.counter("list.kept.hits", "first pages answered from what this node kept", views::hits);
            metrics.counter("list.kept.misses", "first pages rendered afresh", views::misses);
            metrics.gauge("list.kept.bytes", "bytes of rendered first pages kept", views::size);
        }
        return metrics;
    }

    /**
     * Opens the store; a database that does not answer yet is tried again with back-off (0.5 s doubling to 5 s,
     * one log line a try) for up to {@code waitSeconds}; then, or at once for any other failure, one
     * {@link StartFailure} that says why.
     */
    static Store openWaiting(StoreSettings settings, int waitSeconds) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(waitSeconds);
        long pauseMillis = 500;
        for (int attempt = 1; ; attempt++) {
            try {
                return Store.open(settings);
            } catch (RuntimeException e) {
                String why = Store.rootMessage(e);
                if (!Store.isUnreachable(e)) {
                    throw new StartFailure("the store cannot be opened: " + why, e);
                }
                if (System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(pauseMillis) > deadline) {
                    throw new StartFailure("the database did not answer within " + waitSeconds + " s (" + attempt
                            + (attempt == 1 ? " try" : " tries") + "): " + why, e);
                }
                LOG.warn("the database does not answer (try {}): {}; trying again in {} ms", attempt, why, pauseMillis);
                try {
                    Thread.sleep(pauseMillis);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new StartFailure("interrupted while waiting for the database", interrupted);
                }
                pauseMillis = Math.min(pauseMillis * 2, 5_000);
            }
        }
    }

    /** A start that cannot go on, with a reason fit for one line. */
    static final class StartFailure extends RuntimeException {
        StartFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }

    public int port() {
        return http.port();
    }

    public String storeDescription() {
        return store.description();
    }

    /** Prunes the events recorded before {@code cutoff} now (the scheduled pruning uses the retention). */
    long pruneEventsRecordedBefore(long cutoff) {
        return events.pruneRecordedBefore(cutoff);
    }

    private static void prune(EventService events, ShareService shares, IdempotencyService idempotency) {
        try {
            long pruned = events.pruneExpired();
            if (pruned > 0) {
                LOG.info("pruned {} events older than the retention", pruned);
            }
            long keys = idempotency.pruneExpired();
            if (keys > 0) {
                LOG.info("pruned {} idempotency keys older than a day", keys);
            }
            long picks = shares.pruneExpired();
            if (picks > 0) {
                LOG.info("pruned {} picked-chat cids past their day", picks);
            }
        } catch (RuntimeException e) {
            LOG.warn("pruning events failed; trying again within the hour: {}", e.toString());
        }
    }

    /**
     * Stops in order, one log line a step: the event streams end (their clients reconnect elsewhere with
     * Last-Event-ID), no new connection is taken and the requests in flight finish, then the store closes.
     */
    @Override
    public void close() {
        housekeeping.shutdownNow();
        LOG.info("stopping: ending {} event streams", streams.openStreams());
        streams.close();
        tail.close();
        LOG.info("stopping: taking no new requests; finishing those in flight (up to {} s)",
                HttpApi.STOP_TIMEOUT_MILLIS / 1000);
        http.close();
        LOG.info("stopping: closing the store");
        store.close();
        LOG.info("stopped");
    }
}
