package io.conversations.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.Test;

/**
 * Sends racing into one big chat of 2,000 while its members move its conversation between their groups: 32 senders
 * at once, every message stored once, every member's unread count and every mover's group badge exact.
 */
abstract class BigChatRace {
    static final int MEMBERS = 2_000;
    static final int SENDERS = 32;
    static final int PER_SENDER = 15;
    static final int MOVERS = 16;

    protected abstract Map<String, String> store();

    protected abstract Path dataDir();

    /** Runs {@code task} for 0..count-1 on {@code threads} threads; fails on the first failure. */
    private static void parallel(int threads, int count, IntConsumer task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int first = t;
                running.add(pool.submit(() -> {
                    for (int i = first; i < count; i += threads) {
                        task.accept(i);
                    }
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static String member(int i) {
        return String.format("m%04d", i);
    }

    @Test
    void racingSendsIntoAChatOf2000AreEachStoredOnceAndCountedExactlyForEveryMember() throws Exception {
        try (Wiring service = Wiring.start(Api.config(dataDir(), store()))) {
            Api api = new Api(service.port());
            String corp = "race" + UUID.randomUUID().toString().substring(0, 8);
            api.corp(corp);
            parallel(8, MEMBERS, i -> api.admin("PUT", "/v1/admin/corps/" + corp + "/users/" + member(i),
                    "{\"nick\":\"" + member(i) + "\"}").is(200));
            String[] firstThousand = new String[999];
            for (int i = 1; i < 1_000; i++) {
                firstThousand[i - 1] = member(i);
            }
            api.groupChat(corp, "all", member(0), firstThousand);
            parallel(8, MEMBERS - 1_000, i -> api.admin("PUT", "/v1/admin/corps/" + corp + "/chats/all/members/"
                    + member(1_000 + i), null).is(204));
            // The movers each have a small chat of their own too, and two groups to move both between.
            Map<Integer, String> tokens = new HashMap<>();
            for (int i = 0; i < SENDERS + MOVERS; i++) {
                tokens.put(i, api.token(corp, member(i)));
            }
            for (int m = SENDERS; m < SENDERS + MOVERS; m++) {
                api.groupChat(corp, "own" + m, member(m));
                for (String group : List.of("A", "B")) {
                    api.call("POST", "/v1/conversation-groups", tokens.get(m), "{\"groupName\":\"" + group + "\"}").is(201);
                }
            }

            parallel(SENDERS + MOVERS, SENDERS + MOVERS, i -> {
                String token = tokens.get(i);
                if (i < SENDERS) {
                    for (int k = 0; k < PER_SENDER; k++) {
                        api.call("POST", "/v1/chats/all/messages", token,
                                "{\"type\":\"text\",\"text\":\"s" + i + "-" + k + "\"}").is(201);
                    }
                } else {
                    for (int k = 0; k < PER_SENDER; k++) {
                        String to = k % 2 == 0 ? "A" : "B";
                        String from = k % 2 == 0 ? "B" : "A";
                        String ids = "{\"conversationIDList\":[\"GROUPall\",\"GROUPown" + i + "\"]}";
                        api.call("POST", "/v1/conversation-groups/" + to + "/conversations", token, ids).is(200);
                        api.call("DELETE", "/v1/conversation-groups/" + from + "/conversations", token, ids).is(200);
                    }
                }
            });

            int total = SENDERS * PER_SENDER;
            Set<String> texts = new HashSet<>();
            int stored = 0;
            String cursor = "";
            String reader = tokens.get(SENDERS);
            while (true) {
                JsonObject page = api.call("GET", "/v1/chats/all/messages?count=100" + cursor, reader, null).is(200).json();
                for (JsonObject m : page.getJsonArray("messageList").getValuesAs(JsonObject.class)) {
                    texts.add(m.getString("text"));
                    stored++;
                }
                if (page.getBoolean("isFinished")) {
                    break;
                }
                cursor = "&cursor=" + page.getString("nextCursor");
            }
            assertEquals(total, stored, "every message stored once");
            assertEquals(total, texts.size());

            for (int i = 0; i < SENDERS + MOVERS; i++) {
                int expected = i < SENDERS ? total - PER_SENDER : total;
                JsonObject mine = api.call("GET", "/v1/conversations/GROUPall", tokens.get(i), null).is(200).json();
                assertEquals(expected, mine.getInt("unreadCount"), member(i) + "'s unread");
                if (i >= SENDERS) {
                    // The last move (k = PER_SENDER - 1, even) put both in group A: its badge is the big chat's count.
                    List<JsonObject> groups = api.call("GET", "/v1/conversation-groups", tokens.get(i), null).is(200)
                            .json().getJsonArray("groupList").getValuesAs(JsonObject.class);
                    assertEquals(List.of(total, 0), groups.stream().map(g -> g.getInt("unreadCount")).toList(),
                            member(i) + "'s badges of A and B");
                }
            }
            String late = api.token(corp, member(MEMBERS - 1));
            assertEquals(total, api.call("GET", "/v1/conversations/GROUPall", late, null).is(200).json()
                    .getInt("unreadCount"), "the last to join was in before the sends");
            assertTrue(api.call("GET", "/v1/conversations/GROUPall", late, null).json().getInt("memberCount") == MEMBERS);
        }
    }
}
