package io.conversations.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM to a running service under writes and open event streams: it exits 0, the streams end cleanly, every
 * message it stored was answered 201 (none stored and left unanswered), and it says what it does in one line a
 * step.
 */
class StopUnderLoadTest {
    @TempDir
    Path dataDir;
    @TempDir
    Path logs;

    @Test
    void aStopFinishesWhatItTookAndExitsZero() throws Exception {
        MessageSenders senders;
        List<SseClient> streams = new ArrayList<>();
        String alice;
        int exit;
        Path log = logs.resolve("first.log");
        try (ServiceProcess first = ServiceProcess.start(dataDir, log)) {
            Api api = first.awaitUp();
            api.corp("stop", "alice", "bob");
            api.groupChat("stop", "room", "alice", "bob");
            alice = api.token("stop", "alice");
            String token = alice;
            for (int i = 0; i < 3; i++) {
                streams.add(SseClient.connect(first.port, token, "0", ""));
            }
            senders = new MessageSenders(api, "room", token, 8);
            // The stop comes while the senders are busy: after their first answers, however slow the machine.
            senders.awaitAcknowledged(20);
            exit = first.terminate();
            senders.stop();
        }
        assertEquals(0, exit, "a clean stop exits 0");
        // H2 writes a trace file when something fails; a clean stop left one at every stop.
        assertTrue(!Files.exists(dataDir.resolve("conversations.trace.db")), "a clean stop leaves no trace file");
        for (SseClient stream : streams) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (stream.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(!stream.isAlive(), "the stream was ended by the stop");
        }
        String text = Files.readString(log);
        for (String step : List.of("stopping: ending 3 event streams", "stopping: taking no new requests",
                "stopping: closing the store", "stopped")) {
            assertTrue(text.contains(step), "logged: " + step + "\n" + text);
        }
        assertTrue(!text.contains("Exception") && !text.contains("WARN"), "a stop without warnings:\n" + text);
        assertTrue(java.util.regex.Pattern.compile("INFO  access \\[[0-9a-f]{16}] - 201 POST /v1/chats/room/messages \\d+ ms "
                + "caller=stop/alice id=[0-9a-f]{16}").matcher(text).find(), "an access log line a request:\n" + text);
        Set<String> acknowledged = senders.acknowledged;
        assertTrue(acknowledged.size() > 20, "the senders were busy: " + acknowledged.size());
        // A request that comes while the node stops is told so (Jetty's own 503 said "internal error").
        for (String refusal : senders.refusals) {
            assertTrue(refusal.startsWith("503 ") && refusal.contains("\"code\":50301")
                    && refusal.contains("stopping"), refusal);
        }

        try (ServiceProcess second = ServiceProcess.start(dataDir, logs.resolve("second.log"))) {
            Api api = second.awaitUp();
            Set<String> stored = api.messageTexts("room", alice);
            Set<String> unanswered = new HashSet<>(stored);
            unanswered.removeAll(acknowledged);
            assertEquals(Set.of(), unanswered, "stored, but the client was never told");
            assertEquals(acknowledged, stored, "every 201 was stored");
        }
    }
}
