package io.conversations.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The database freezes under load (SIGSTOP: its connections stay open and nothing answers): new requests are
 * answered 503 once the probe knows, and those under way within the store's statement time-out, not when the
 * database wakes; nothing answered 50301 was stored; every 201 was; and the node serves again by itself once the
 * database goes on. Before, the requests under way waited for the whole freeze.
 */
class MariaDbFrozenTest {
    @TempDir
    Path dir;
    @TempDir
    Path dataDir;

    /** How long the database stays frozen: far longer than any request may wait. */
    private static final long FREEZE_MILLIS = 25_000;

    @Test
    void requestsUnderWayWhenTheDatabaseFreezesAreAnsweredWithoutWaitingForIt() throws Exception {
        if (!OwnMariaDb.available()) {
            Missing.skipOrFail("no mariadbd and mariadb-install-db here to run a MariaDB of the test's own");
        }
        try (OwnMariaDb db = OwnMariaDb.start(dir)) {
            Config config = Api.config(dataDir, Map.of("CONVERSATIONS_DB_URL", db.url(), "CONVERSATIONS_DB_USER", "root",
                    "CONVERSATIONS_RATE_LIMIT_USER", "0"));
            try (Wiring service = Wiring.start(config)) {
                Api api = new Api(service.port());
                api.corp("fz", "alice", "bob");
                api.groupChat("fz", "room", "alice", "bob");
                String alice = api.token("fz", "alice");
                Set<String> acknowledged = ConcurrentHashMap.newKeySet();
                Set<String> unchanged = ConcurrentHashMap.newKeySet();
                List<Long> slowest = new ArrayList<>();
                AtomicBoolean frozen = new AtomicBoolean();
                java.util.concurrent.atomic.AtomicLong frozenAt = new java.util.concurrent.atomic.AtomicLong(Long.MAX_VALUE);
                java.util.concurrent.atomic.AtomicLong thawedAt = new java.util.concurrent.atomic.AtomicLong(Long.MAX_VALUE);
                AtomicBoolean stop = new AtomicBoolean();
                ExecutorService senders = Executors.newFixedThreadPool(8);
                List<Future<Long>> longest = new ArrayList<>();
                for (int t = 0; t < 8; t++) {
                    int sender = t;
                    longest.add(senders.submit(() -> {
                        long worstDuringFreeze = 0;
                        for (int i = 0; !stop.get(); i++) {
                            String text = "s" + sender + "-" + i;
                            long started = System.nanoTime();
                            Api.Reply reply = api.call("POST", "/v1/chats/room/messages", alice,
                                    "{\"type\":\"text\",\"text\":\"" + text + "\"}");
                            long ended = System.nanoTime();
                            // What a request waited of the freeze: from the later of its start and the freeze.
                            if (ended > frozenAt.get() && started < thawedAt.get()) {
                                long waited = (Math.min(ended, thawedAt.get()) - Math.max(started, frozenAt.get())) / 1_000_000;
                                worstDuringFreeze = Math.max(worstDuringFreeze, waited);
                            }
                            if (reply.status() == 201) {
                                acknowledged.add(text);
                            } else {
                                assertEquals(503, reply.status(), reply.text());
                                int code = reply.json().getInt("code");
                                assertTrue(code == 50301 || code == 50303, reply.text());
                                if (code == 50301) {
                                    unchanged.add(text);
                                }
                                Thread.sleep(20);
                            }
                        }
                        return worstDuringFreeze;
                    }));
                }
                Thread.sleep(1_500); // load flowing
                frozenAt.set(System.nanoTime());
                db.freeze();
                frozen.set(true);
                Thread.sleep(FREEZE_MILLIS);
                thawedAt.set(System.nanoTime());
                db.thaw();
                frozen.set(false);
                long back = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                while (api.call("GET", "/health", null, null).status() != 200 && System.nanoTime() < back) {
                    Thread.sleep(50);
                }
                Thread.sleep(1_000);
                stop.set(true);
                senders.shutdown();
                for (Future<Long> worst : longest) {
                    slowest.add(worst.get(60, TimeUnit.SECONDS));
                }
                long worst = slowest.stream().mapToLong(Long::longValue).max().orElseThrow();
                // New requests are refused once the probe knows (about a second); one under way waits at most the
                // store's statement time-out (10 s). Before, it waited for the whole freeze.
                assertTrue(worst < FREEZE_MILLIS / 2, "a request waited " + worst + " ms of a " + FREEZE_MILLIS + " ms freeze");
                assertEquals(200, api.call("GET", "/health", null, null).status(), "recovered by itself");

                Set<String> stored = new HashSet<>();
                String cursor = "";
                do {
                    var page = api.call("GET", "/v1/chats/room/messages?count=100" + (cursor.isEmpty() ? "" : "&cursor=" + cursor),
                            alice, null).is(200).json();
                    page.getJsonArray("messageList").forEach(m -> stored.add(m.asJsonObject().getString("text")));
                    cursor = page.containsKey("nextCursor") ? page.getString("nextCursor", "") : "";
                } while (!cursor.isEmpty());
                assertTrue(stored.containsAll(acknowledged), "every 201 was stored");
                Set<String> wrong = new HashSet<>(unchanged);
                wrong.retainAll(stored);
                assertEquals(Set.of(), wrong, "answered 'nothing was changed' (50301) but stored");
                System.out.println("frozen for " + FREEZE_MILLIS + " ms: the longest request waited " + worst + " ms; "
                        + acknowledged.size() + " acknowledged, " + unchanged.size() + " refused unchanged");
            }
        }
    }
}
