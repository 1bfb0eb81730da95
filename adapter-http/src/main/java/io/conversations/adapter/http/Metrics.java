package io.conversations.adapter.http;

import io.javalin.http.Context;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmInfoMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The service's metrics in Prometheus' text format at {@code /metrics} (Micrometer): HTTP requests by route,
 * method and status with a latency histogram, and the numbers the rest of the service offers (pool, retries,
 * the event tail, streams, kept pages), read when scraped.
 */
public final class Metrics {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final java.util.List<Supplier<Number>> counted = new java.util.concurrent.CopyOnWriteArrayList<>();

    /**
     * The JVM's and the process's own metrics, by Micrometer's binders under their usual names ({@code jvm_memory_used_bytes},
     * {@code jvm_gc_pause_seconds}, {@code jvm_threads_live_threads}, {@code process_cpu_usage},
     * {@code process_files_open_files}, {@code process_uptime_seconds}, ...), which dashboards for JVM services
     * already know. Bound once the node answers (they load the JVM's management classes: about 0.1 s of a start
     * on two cores), so they are missing from a scrape in the first moment only.
     */
    public void bindJvmAndProcess() {
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry); // listens to the GC for the life of the process
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new JvmInfoMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
    }

    /** A value read at each scrape ({@code conversations_} is prefixed). */
    public void gauge(String name, String help, Supplier<Number> value) {
        Gauge.builder("conversations." + name, () -> value.get().doubleValue()).description(help).register(registry);
    }

    /** A count that only grows, read at each scrape. */
    public void counter(String name, String help, Supplier<Number> value) {
        // Held here: Micrometer holds a function counter's object weakly, and a lambda nothing else held was
        // collected at the first GC, after which the counter read 0 (or NaN) for ever.
        counted.add(value);
        FunctionCounter.builder("conversations." + name, value, v -> v.get().doubleValue()).description(help)
                .register(registry);
    }

    private static final Duration[] BUCKETS = {Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
        Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
        Duration.ofSeconds(1), Duration.ofMillis(2_500), Duration.ofSeconds(5)};
    /**
     * The methods a request is counted under by name; any other is "other". A client chooses the method (any
     * token), and a label per method grew the registry without bound: 10,000 random methods took the heap.
     * With routes (templates, or "unmatched") and statuses (the service's own) also bounded, so is the registry.
     */
    private static final java.util.Set<String> KNOWN_METHODS =
            java.util.Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");
    /** Each route, method and status's timer, registered on its first request (this runs for every request). */
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    void request(Context ctx, float millis) {
        String route;
        try {
            route = ctx.endpoint() == null ? "unmatched" : ctx.endpoint().path;
        } catch (RuntimeException none) {
            route = ctx.path().startsWith("/sdk/") || ctx.path().startsWith("/app/") ? "static" : "unmatched";
        }
        String method = KNOWN_METHODS.contains(ctx.method().name()) ? ctx.method().name() : "other";
        String status = Integer.toString(ctx.statusCode());
        String matched = route;
        timers.computeIfAbsent(method + " " + status + " " + route, key -> Timer.builder("conversations.http.requests")
                        .description("HTTP requests: route, method, status, duration")
                        .tags("route", matched, "method", method, "status", status)
                        .serviceLevelObjectives(BUCKETS).register(registry))
                .record((long) (millis * 1000), TimeUnit.MICROSECONDS);
    }

    String scrape() {
        return registry.scrape();
    }
}
