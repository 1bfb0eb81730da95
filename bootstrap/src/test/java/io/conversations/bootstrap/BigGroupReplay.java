package io.conversations.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A user with a group of 1,000 conversations, and a client that loaded the list at its {@code eventSeq}:
 * random moves in and out of the group, renames and deletes of it, messages, pins and hides, and the
 * backend taking the user out of chats. The client applies the events after its {@code eventSeq}.
 */
final class BigGroupReplay {
    static final int CHATS = 1_050;
    private static final int IDS_PER_CALL = 100;
    private static final String[] BIG = {"Big", "大组"};

    private final Api api;
    private final String corp;
    private final Random random;
    private final List<String> ids = new ArrayList<>();
    private String token;
    private String big = BIG[0];
    private boolean bigExists;
    private int ops;

    BigGroupReplay(Api api, String corp, long seed) {
        this.api = api;
        this.corp = corp;
        this.random = new Random(seed);
    }

    String token() {
        return token;
    }

    /** The user, {@value #CHATS} group chats (half shared with bob), and a group of the first 1,000 of them. */
    void provision() {
        api.corp(corp, "alice", "bob");
        for (int i = 0; i < CHATS; i++) {
            if (i % 2 == 0) {
                api.groupChat(corp, "c" + i, "alice", "bob");
            } else {
                api.groupChat(corp, "c" + i, "alice");
            }
            ids.add("GROUPc" + i);
        }
        token = api.token(corp, "alice");
        createBig(1_000);
        JsonObject summary = api.call("GET", "/v1/conversation-groups", token, null).is(200).json()
                .getJsonArray("groupList").getJsonObject(0);
        assertEquals(1_000, summary.getInt("conversationCount"), "the group holds 1,000 conversations");
        // The limit counts distinct conversations: a 1,001st fails, one grouped already may join another group.
        JsonObject small = api.call("POST", "/v1/conversation-groups", token,
                "{\"groupName\":\"Small\",\"conversationIDList\":[\"GROUPc1000\",\"GROUPc0\"]}").is(201).json();
        assertEquals(List.of("GROUPc0"), small.getJsonArray("successConversationIDList").stream().map(Api::str).toList());
        assertEquals(51008, small.getJsonArray("failureConversationIDList").getJsonObject(0).getInt("code"));
        api.call("DELETE", "/v1/conversation-groups/Small", token, null).is(204);
    }

    /**
     * After the run, the limit still counts exactly the distinct grouped conversations: as many ungrouped ones
     * as are left below 1,000 can join a new group, and the next fails with 51008.
     */
    void assertTheGroupedLimitCountsWhatIsGrouped(ReplayModel model) {
        Map<String, Boolean> grouped = model.groupedById();
        long inGroups = grouped.values().stream().filter(b -> b).count();
        List<String> free = grouped.entrySet().stream().filter(e -> !e.getValue()).map(Map.Entry::getKey).toList();
        int room = (int) (1_000 - inGroups);
        assertTrue(room >= 0 && free.size() > room, inGroups + " grouped, " + free.size() + " free");
        ok(api.call("POST", "/v1/conversation-groups", token, "{\"groupName\":\"Fill\"}"));
        List<String> candidates = free.subList(0, room + 1);
        List<String> succeeded = new ArrayList<>();
        List<Integer> codes = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i += IDS_PER_CALL) {
            JsonObject answer = api.call("POST", "/v1/conversation-groups/Fill/conversations", token, "{\"conversationIDList\":"
                    + json(candidates.subList(i, Math.min(candidates.size(), i + IDS_PER_CALL))) + "}").is(200).json();
            answer.getJsonArray("successConversationIDList").forEach(v -> succeeded.add(Api.str(v)));
            answer.getJsonArray("failureConversationIDList").forEach(v -> codes.add(v.asJsonObject().getInt("code")));
        }
        assertEquals(candidates.subList(0, room), succeeded, "every slot left below 1,000 is usable");
        assertEquals(List.of(51008), codes, "and not one more");
    }

    /** What a client holds after loading: every page of the list at the first page's eventSeq, and the groups. */
    ReplayModel load(long[] eventSeq) {
        List<JsonObject> listed = new ArrayList<>();
        String cursor = "";
        eventSeq[0] = -1;
        while (true) {
            JsonObject page = api.call("GET", "/v1/conversations?count=100" + cursor, token, null).is(200).json();
            if (eventSeq[0] < 0) {
                eventSeq[0] = page.getJsonNumber("eventSeq").longValue();
            }
            listed.addAll(page.getJsonArray("conversationList").getValuesAs(JsonValue::asJsonObject));
            if (page.getBoolean("isFinished")) {
                break;
            }
            cursor = "&cursor=" + page.getString("nextCursor");
        }
        List<String> names = api.call("GET", "/v1/conversation-groups", token, null).is(200).json()
                .getJsonArray("groupList").stream().map(g -> g.asJsonObject().getString("groupName")).toList();
        return ReplayModel.loaded(listed, names);
    }

    /** {@code count} random changes; a refusal is fine, a 5xx fails the test. */
    void run(int count) {
        for (ops = 0; ops < count; ops++) {
            int pick = random.nextInt(100);
            if (!bigExists) {
                createBig(IDS_PER_CALL * (1 + random.nextInt(3)));
            } else if (pick < 25) {
                batch("POST", big);
            } else if (pick < 45) {
                batch("DELETE", big);
            } else if (pick < 52) {
                String to = big.equals(BIG[0]) ? BIG[1] : BIG[0];
                ok(api.call("PATCH", "/v1/conversation-groups/" + path(big), token, "{\"newName\":\"" + to + "\"}"));
                big = to;
            } else if (pick < 55) {
                ok(api.call("DELETE", "/v1/conversation-groups/" + path(big), token, null));
                bigExists = false;
            } else if (pick < 62) {
                ok(api.call("POST", "/v1/conversation-groups", token, "{\"groupName\":\"Small\",\"conversationIDList\":"
                        + idList(1 + random.nextInt(5)) + "}"));
            } else if (pick < 66) {
                ok(api.call("DELETE", "/v1/conversation-groups/Small", token, null));
            } else if (pick < 70) {
                batch("POST", "Small");
            } else if (pick < 80) {
                String chat = "c" + random.nextInt(CHATS);
                String sender = random.nextBoolean() ? token : api.token(corp, "bob");
                ok(api.call("POST", "/v1/chats/" + chat + "/messages", sender, "{\"type\":\"text\",\"text\":\"m" + ops + "\"}"));
            } else if (pick < 86) {
                ok(api.call("PUT", "/v1/conversations/" + anyId() + "/pin", token, "{\"isPinned\":" + random.nextBoolean() + "}"));
            } else if (pick < 90) {
                ok(api.call("PUT", "/v1/conversations/" + anyId() + "/draft", token, "{\"draftText\":\"d" + ops + "\"}"));
            } else if (pick < 94) {
                ok(api.call("DELETE", "/v1/conversations/" + anyId(), token, null));
            } else if (pick < 97) {
                ok(api.admin("DELETE", "/v1/admin/corps/" + corp + "/chats/" + anyId().substring(5) + "/members/alice", null));
            } else {
                ok(api.admin("PUT", "/v1/admin/corps/" + corp + "/chats/" + anyId().substring(5) + "/members/alice", null));
            }
        }
    }

    private void createBig(int size) {
        ok(api.call("POST", "/v1/conversation-groups", token, "{\"groupName\":\"" + big + "\"}"));
        bigExists = true;
        List<String> shuffled = new ArrayList<>(ids.subList(0, Math.min(size, 1_000)));
        for (int i = 0; i < shuffled.size(); i += IDS_PER_CALL) {
            List<String> part = shuffled.subList(i, Math.min(shuffled.size(), i + IDS_PER_CALL));
            ok(api.call("POST", "/v1/conversation-groups/" + path(big) + "/conversations", token,
                    "{\"conversationIDList\":" + json(part) + "}"));
        }
    }

    private void batch(String method, String group) {
        ok(api.call(method, "/v1/conversation-groups/" + path(group) + "/conversations", token,
                "{\"conversationIDList\":" + idList(1 + random.nextInt(IDS_PER_CALL)) + "}"));
    }

    private String idList(int n) {
        List<String> shuffled = new ArrayList<>(ids);
        Collections.shuffle(shuffled, random);
        return json(shuffled.subList(0, n));
    }

    private String anyId() {
        return ids.get(random.nextInt(ids.size()));
    }

    private static String json(List<String> list) {
        return "[\"" + String.join("\",\"", list) + "\"]";
    }

    private static String path(String group) {
        return URLEncoder.encode(group, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private void ok(Api.Reply reply) {
        assertTrue(reply.status() < 500, "change " + ops + ": " + reply.status() + " " + reply.text());
    }
}
