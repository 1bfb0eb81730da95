package io.conversations.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every metric that docs/operating.md, the Grafana dashboard and the Prometheus alert rules in ops/ name is one a
 * running node has: a renamed or removed metric fails here, not on an operator's empty dashboard. (README named
 * the pool's total as conversations_store_connections_total; the node said conversations_store_connections.)
 */
class MetricsDocumentedTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final List<Path> DOCUMENTS = List.of(ROOT.resolve("docs/operating.md"),
            ROOT.resolve("ops/grafana/conversations.json"), ROOT.resolve("ops/prometheus/alerts.yml"));
    private static final Pattern NAME = Pattern.compile("\\b(?:conversations|jvm|process|system)_[a-z0-9_]+");

    @TempDir
    Path dataDir;
    @TempDir
    Path logs;

    @Test
    void everyMetricTheDocsAndDashboardsNameIsOnALiveNode() throws Exception {
        String scraped;
        try (ServiceProcess node = ServiceProcess.start(dataDir, logs.resolve("node.log"))) {
            Api api = node.awaitUp();
            api.corp("metrics", "alice");
            api.call("GET", "/v1/conversations", api.token("metrics", "alice"), null).is(200);
            // The JVM's metrics are bound just after the start (off its path), and the GC's pause timer exists from
            // the first collection they see on, told of asynchronously: ask for one once they are bound, then wait.
            awaitMetric(api, "jvm_gc_live_data_size_bytes");
            Process gc = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    Long.toString(node.pid()), "GC.run").redirectErrorStream(true).start();
            gc.getInputStream().readAllBytes();
            assertTrue(gc.waitFor(30, TimeUnit.SECONDS));
            scraped = awaitMetric(api, "jvm_gc_pause_seconds_count");
        }
        Set<String> live = scraped.lines().filter(l -> !l.startsWith("#") && !l.isBlank())
                .map(l -> l.split("[{ ]", 2)[0]).collect(Collectors.toSet());
        Set<String> missing = new TreeSet<>();
        int named = 0;
        for (Path document : DOCUMENTS) {
            Matcher names = NAME.matcher(Files.readString(document));
            while (names.find()) {
                named++;
                String name = names.group();
                // A histogram is named by its base; the node has its _bucket, _count, _sum and _max series.
                if (!live.contains(name) && !live.contains(name + "_count")) {
                    missing.add(name + " (" + ROOT.relativize(document) + ")");
                }
            }
        }
        assertTrue(named > 40, "the documents name the metrics: " + named);
        assertEquals(Set.of(), missing, "named in the docs or dashboards but not on the node:\n" + scraped);
    }

    /** The scrape once it shows {@code name} (within 20 s; the last scrape otherwise, for the assertion). */
    private static String awaitMetric(Api api, String name) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        String scraped;
        do {
            scraped = api.call("GET", "/metrics", null, null).is(200).text();
            if (scraped.lines().anyMatch(l -> l.startsWith(name))) {
                return scraped;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        return scraped;
    }
}
