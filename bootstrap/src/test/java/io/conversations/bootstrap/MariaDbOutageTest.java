package io.conversations.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The database dies under the service and comes back: meanwhile every request and health check answers 503
 * within a second (not after the pool's 10 s), nothing answered 50301 was stored, and the service recovers by
 * itself once the database answers again.
 */
class MariaDbOutageTest {
    @TempDir
    Path dir;
    @TempDir
    Path dataDir;

    private static long millisOf(Runnable call) {
        long started = System.nanoTime();
        call.run();
        return (System.nanoTime() - started) / 1_000_000;
    }

    @Test
    void anOutageIsAnsweredFastAndHonestlyAndRecoveredFromByItself() throws Exception {
        if (!OwnMariaDb.available()) {
            Missing.skipOrFail("no mariadbd and mariadb-install-db here to run a MariaDB of the test's own");
        }
        try (OwnMariaDb db = OwnMariaDb.start(dir)) {
            Config config = Api.config(dataDir, Map.of("CONVERSATIONS_DB_URL", db.url(), "CONVERSATIONS_DB_USER", "root"));
            try (Wiring service = Wiring.start(config)) {
                Api api = new Api(service.port());
                api.corp("out", "alice", "bob");
                api.groupChat("out", "room", "alice", "bob");
                String alice = api.token("out", "alice");
                Set<String> acknowledged = new HashSet<>();
                Set<String> refusedUnchanged = new HashSet<>();
                for (int i = 0; i < 5; i++) {
                    send(api, alice, "before" + i, acknowledged, refusedUnchanged);
                }

                db.kill();
                // The first request after the kill may meet a dead pooled connection; from then on it is known.
                long deadline = System.nanoTime() + 3_000_000_000L;
                while (api.call("GET", "/health", null, null).status() != 503 && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                for (int i = 0; i < 10; i++) {
                    String text = "during" + i;
                    long took = millisOf(() -> send(api, alice, text, acknowledged, refusedUnchanged));
                    assertTrue(took < 1_000, "a write during the outage answered in " + took + " ms");
                    long health = millisOf(() -> assertEquals(503, api.call("GET", "/health", null, null).status()));
                    assertTrue(health < 1_000, "health during the outage answered in " + health + " ms");
                    Api.Reply read = api.call("GET", "/v1/conversations", alice, null);
                    assertEquals(503, read.status(), read.text());
                    assertEquals(50301, read.json().getInt("code"));
                }
                assertEquals(200, api.call("GET", "/health/live", null, null).status(), "the process itself is alive");
                assertTrue(acknowledged.stream().noneMatch(t -> t.startsWith("during")), "nothing acknowledged meanwhile");

                db.startServer();
                long back = System.nanoTime() + 20_000_000_000L;
                while (api.call("GET", "/health", null, null).status() != 200 && System.nanoTime() < back) {
                    Thread.sleep(50);
                }
                assertEquals(200, api.call("GET", "/health", null, null).status(), "recovered by itself");
                Api.Reply after = api.call("POST", "/v1/chats/room/messages", alice, "{\"type\":\"text\",\"text\":\"after\"}");
                for (int i = 0; i < 50 && after.status() != 201; i++) {
                    Thread.sleep(100); // the pool replaces the connections the outage broke
                    after = api.call("POST", "/v1/chats/room/messages", alice, "{\"type\":\"text\",\"text\":\"after\"}");
                }
                assertEquals(201, after.status(), after.text());
                acknowledged.add("after");

                Set<String> stored = new HashSet<>();
                JsonObject page = api.call("GET", "/v1/chats/room/messages?count=100", alice, null).is(200).json();
                page.getJsonArray("messageList").forEach(m -> stored.add(m.asJsonObject().getString("text")));
                assertTrue(stored.containsAll(acknowledged), "every 201 was stored: " + stored + " vs " + acknowledged);
                Set<String> wrong = new HashSet<>(refusedUnchanged);
                wrong.retainAll(stored);
                assertEquals(Set.of(), wrong, "answered 'nothing was changed' (50301) but stored");
            }
        }
    }

    /** Sends one message and files it by the answer: 201, 50301 (nothing changed), or 50303 (not known). */
    private static void send(Api api, String token, String text, Set<String> acknowledged, Set<String> unchanged) {
        Api.Reply reply = api.call("POST", "/v1/chats/room/messages", token,
                "{\"type\":\"text\",\"text\":\"" + text + "\"}");
        if (reply.status() == 201) {
            acknowledged.add(text);
            return;
        }
        assertEquals(503, reply.status(), reply.text());
        int code = reply.json().getInt("code");
        assertTrue(code == 50301 || code == 50303, reply.text());
        if (code == 50301) {
            unchanged.add(text);
        }
    }
}
