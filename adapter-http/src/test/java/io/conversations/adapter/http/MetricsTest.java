package io.conversations.adapter.http;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class MetricsTest {
    @Test
    void aCounterAndAGaugeStillReadTheirValueAfterGarbageCollections() throws Exception {
        Metrics metrics = new Metrics();
        AtomicLong reads = new AtomicLong(41);
        metrics.counter("test.reads", "a count", reads::incrementAndGet);
        metrics.gauge("test.level", "a level", () -> 7);
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(20);
        }
        String text = metrics.scrape();
        assertTrue(text.contains("conversations_test_reads_total 42.0"), text);
        assertTrue(text.contains("conversations_test_level 7.0"), text);
    }
}
