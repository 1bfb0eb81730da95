package io.conversations.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code CONVERSATIONS_LOG_FORMAT=json}: every line one JSON object with an ISO-8601 timestamp, and the access
 * log's status, method, path, time, caller and error code as fields (they were only inside the message, and the
 * timestamp was epoch milliseconds).
 */
class JsonLogTest {
    @TempDir
    Path dataDir;
    @TempDir
    Path logs;

    @Test
    void everyLineIsAJsonObjectAndTheAccessLogsFieldsAreFields() throws Exception {
        Path log = logs.resolve("json.log");
        try (ServiceProcess node = ServiceProcess.start(dataDir, log, "--conversations-log-format=json")) {
            Api api = node.awaitUp();
            api.corp("logs", "alice");
            String alice = api.token("logs", "alice");
            api.call("GET", "/v1/conversations", alice, null, Map.of("X-Request-Id", "find-me-1")).is(200);
            api.call("GET", "/v1/conversations", "not-a-token", null, Map.of("X-Request-Id", "find-me-2"));
            assertEquals(0, node.terminate());
        }
        List<JsonObject> lines = Files.readAllLines(log).stream().map(JsonLogTest::parse).toList();
        for (JsonObject line : lines) {
            Instant.parse(line.getString("timestamp")); // ISO-8601, or it throws
            assertTrue(List.of("INFO", "WARN", "ERROR", "DEBUG").contains(line.getString("level")), line.toString());
            assertTrue(!line.getString("message").isEmpty() && !line.getString("logger").isEmpty(), line.toString());
        }
        JsonObject read = access(lines, "find-me-1");
        assertEquals(200, read.getInt("status"));
        assertEquals("GET", read.getString("method"));
        assertEquals("/v1/conversations", read.getString("path"));
        assertEquals("logs/alice", read.getString("caller"));
        assertTrue(read.getJsonNumber("durationMs").longValue() >= 0);
        JsonObject refused = access(lines, "find-me-2");
        assertEquals(401, refused.getInt("status"));
        assertEquals(40101, refused.getInt("errorCode"));
        assertTrue(lines.stream().anyMatch(l -> l.getString("message").startsWith("Conversations ")), "the start line");
    }

    private static JsonObject access(List<JsonObject> lines, String requestId) {
        return lines.stream().filter(l -> l.getString("logger").equals("access")
                && requestId.equals(l.getString("requestId", null))).findFirst()
                .orElseThrow(() -> new AssertionError("no access line for " + requestId + " in " + lines));
    }

    private static JsonObject parse(String line) {
        try (JsonReader reader = Json.createReader(new StringReader(line))) {
            return reader.readObject();
        } catch (RuntimeException e) {
            throw new AssertionError("not one JSON object: " + line, e);
        }
    }
}
