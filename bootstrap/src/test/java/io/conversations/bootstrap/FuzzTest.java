package io.conversations.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bounded, seeded fuzz run over every route: garbage paths, bodies, headers and parameters, mixed with
 * sensible requests. Nothing answers 5xx, every refusal is the contract's error body, and a refused request
 * changes nothing (no event for anybody, the same groups).
 */
class FuzzTest {
    private static final long SEED = 20261201L;
    private static final int REQUESTS = 2_500;
    @TempDir
    static Path dataDir;

    private static final String[] ROUTES = {
        "GET /v1/conversations", "GET /v1/conversations/{c}", "DELETE /v1/conversations/{c}",
        "PUT /v1/conversations/{c}/pin", "PUT /v1/conversations/{c}/draft", "PUT /v1/conversations/{c}/custom-data",
        "POST /v1/conversations/{c}/read", "PUT /v1/conversations/{c}/remind-type",
        "POST /v1/conversations/{c}/clear-history", "POST /v1/conversations/marks", "POST /v1/conversations/read-all",
        "GET /v1/conversations/unread-total", "GET /v1/events", "POST /v1/chats/{chat}/messages",
        "GET /v1/chats/{chat}/messages", "GET /v1/chats/{c}/info", "GET /v1/corps/{corp}/chats",
        "GET /v1/corps/{corp}/chats/{chat}", "POST /v1/corps/{corp}/chats/{chat}/pick", "GET /v1/conversation-groups",
        "POST /v1/conversation-groups", "PATCH /v1/conversation-groups/{g}", "DELETE /v1/conversation-groups/{g}",
        "POST /v1/conversation-groups/{g}/conversations", "DELETE /v1/conversation-groups/{g}/conversations",
        "PUT /v1/admin/corps/{corp}", "PUT /v1/admin/corps/{corp}/users/{user}", "POST /v1/admin/corps/{corp}/chats",
        "PUT /v1/admin/corps/{corp}/chats/{chat}/members/{user}", "DELETE /v1/admin/corps/{corp}/chats/{chat}/members/{user}",
        "POST /v1/admin/tokens", "POST /v1/admin/corps/{corp}/picked-chats/{cid}/messages",
    };
    private static final String[] GARBAGE_SEGMENTS = {
        "", "%", "%zz", "%u0041", "%00", "%C3%28", "%FF%FE", "..", "%2E%2E", "a%2Fb", "x".repeat(300), "%E9%9C%80",
        "GROUP", "C2C", "GROUP%20x", "\u0000", "%0A", "%EF%BF%BD", "%E2%80%AE", "cid", "cidAAAAAAAAAAAAAAAAAAAAAA",
        "-1", "99999999999999999999", "null", "{}", "%7B%7D", "sales", "GROUPsales", "C2Cbob", "Suppliers",
    };
    private static final String[] GARBAGE_BODIES = {
        "", "{", "}", "[]", "null", "1", "\"s\"", "{\"groupName\":1}", "{\"groupName\":null}", "{\"groupName\":[]}",
        "{\"conversationIDList\":\"GROUPsales\"}", "{\"conversationIDList\":[1,2]}", "{\"conversationIDList\":[null]}",
        "{\"newName\":\"\"}", "{\"isPinned\":\"yes\"}", "{\"draftText\":5}", "{\"customData\":{}}", "{\"type\":\"video\"}",
        "{\"type\":\"text\",\"text\":" + "1".repeat(400) + "}", "{\"corpId\":\"c\",\"userId\":\"u\",\"ttlSeconds\":-5}",
        "{\"type\":\"GROUP\",\"memberIds\":\"x\"}", "{\"type\":\"C2C\",\"memberIds\":[\"a\"]}", "{\"name\":\"" + "n".repeat(5000) + "\"}",
        "{\"a\":" + "[".repeat(2000) + "]".repeat(2000) + "}", "{\"groupName\":\"a\\u0000b\"}", "{\"groupName\":\"\\ud800\"}",
        "{\"x\":1,\"x\":2}", "{\"groupName\":\"ok\",}", "{\"messageRemindType\":\"Loud\"}",
        "{\"messageRemindType\":null}", "{\"conversationIDList\":[\"GROUPsales\"],\"markType\":0,\"enableMark\":true}",
        "{\"conversationIDList\":[\"GROUPsales\"],\"markType\":1e3,\"enableMark\":true}",
        "{\"conversationIDList\":[\"GROUPsales\"],\"markType\":9007199254740992,\"enableMark\":true}",
        "{\"conversationIDList\":[\"GROUPsales\"],\"markType\":1,\"enableMark\":1}", "\u00ff\u00fe", "{\"groupName\":\"" + "好".repeat(20) + "\"}",
    };
    private static final String[] GARBAGE_QUERIES = {
        "", "?count=0", "?count=-1", "?count=101", "?count=abc", "?count=99999999999", "?cursor=%%%", "?cursor=abc",
        "?after=-1", "?after=x", "?groupName=%FF", "?type=NOPE", "?query=" + "q".repeat(2000), "?limit=0",
        "?markType=0", "?markType=1.5", "?markType=99999999999999999999", "?hasUnreadCount=maybe",
        "?clearHistory=1",
    };

    @Test
    void garbageNeverMeets500NorChangesAnything() {
        Random random = new Random(SEED);
        try (Wiring service = Wiring.start(Api.config(dataDir, Map.of()))) {
            Api api = new Api(service.port());
            api.corp("fz", "alice", "bob");
            api.groupChat("fz", "sales", "alice", "bob");
            api.admin("POST", "/v1/admin/corps/fz/chats", "{\"type\":\"C2C\",\"memberIds\":[\"alice\",\"bob\"]}").is(201);
            String alice = api.token("fz", "alice");
            String bob = api.token("fz", "bob");
            api.call("POST", "/v1/conversation-groups", alice,
                    "{\"groupName\":\"Suppliers\",\"conversationIDList\":[\"GROUPsales\"]}").is(201);
            Map<Integer, Integer> statuses = new TreeMap<>();
            List<String> failures = new ArrayList<>();
            for (int i = 0; i < REQUESTS && failures.size() < 10; i++) {
                String route = ROUTES[random.nextInt(ROUTES.length)];
                String method = route.substring(0, route.indexOf(' '));
                String path = route.substring(route.indexOf(' ') + 1);
                boolean sensible = random.nextInt(4) == 0;
                path = path.replace("{c}", pick(random, sensible, "GROUPsales", "C2Cbob"))
                        .replace("{chat}", pick(random, sensible, "sales"))
                        .replace("{corp}", pick(random, sensible, "fz"))
                        .replace("{g}", pick(random, sensible, "Suppliers"))
                        .replace("{user}", pick(random, sensible, "bob"))
                        .replace("{cid}", pick(random, sensible, "cidAAAAAAAAAAAAAAAAAAAAAA"));
                path += GARBAGE_QUERIES[random.nextInt(GARBAGE_QUERIES.length)];
                String bearer = path.startsWith("/v1/admin") ? Api.ADMIN_KEY : (random.nextBoolean() ? alice : bob);
                int auth = random.nextInt(20);
                String headers = auth == 0 ? "" : auth == 1 ? "Authorization: Bearer garbage\r\n"
                        : auth == 2 ? "Authorization: Basic YTpi\r\n" : "Authorization: Bearer " + bearer + "\r\n";
                int type = random.nextInt(8);
                headers += type == 0 ? "" : type == 1 ? "Content-Type: application/json; charset=ebcdic\r\n"
                        : type == 2 ? "Content-Type: text/plain\r\n" : "Content-Type: application/json\r\n";
                if (random.nextInt(10) == 0) {
                    headers += "Accept: text/event-stream\r\nLast-Event-ID: " + GARBAGE_SEGMENTS[random.nextInt(5)] + "\r\n";
                }
                byte[] body = method.equals("GET") && random.nextBoolean() ? null : body(random);
                long aliceBefore = last(api, alice);
                long bobBefore = last(api, bob);
                String groupsBefore = groups(api, alice);
                Api.Reply reply;
                try {
                    reply = api.unchecked(method + " " + path + " HTTP/1.1", headers, body);
                } catch (RuntimeException e) {
                    failures.add(method + " " + path + ": no answer (" + e.getMessage() + ")");
                    continue;
                }
                statuses.merge(reply.status(), 1, Integer::sum);
                String what = method + " " + path + " [" + headers.replace("\r\n", "; ") + "] "
                        + (body == null ? "" : abbreviated(new String(body, StandardCharsets.UTF_8)));
                if (reply.status() >= 500) {
                    failures.add(reply.status() + " for " + what + " -> " + reply.text());
                } else if (reply.status() >= 400) {
                    if (!reply.contentType().startsWith("application/json")) {
                        failures.add("no JSON error for " + what + ": " + reply.contentType());
                        continue;
                    }
                    JsonObject error = reply.json();
                    if (!(error.get("code") instanceof jakarta.json.JsonNumber code) || code.intValue() < 40000
                            || !(error.get("message") instanceof jakarta.json.JsonString message)
                            || message.getString().isBlank()) {
                        failures.add("not the error shape for " + what + ": " + reply.text());
                    }
                    if (last(api, alice) != aliceBefore || last(api, bob) != bobBefore
                            || !groups(api, alice).equals(groupsBefore)) {
                        failures.add("a refusal changed something: " + what + " -> " + reply.text());
                    }
                }
            }
            assertEquals(List.of(), failures);
            assertTrue(statuses.keySet().stream().anyMatch(s -> s < 300), "some requests went through: " + statuses);
            assertTrue(statuses.getOrDefault(400, 0) > REQUESTS / 10, "mostly refusals: " + statuses);
        }
    }

    private static String abbreviated(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "...";
    }

    private static String pick(Random random, boolean sensible, String... good) {
        return sensible ? good[random.nextInt(good.length)] : GARBAGE_SEGMENTS[random.nextInt(GARBAGE_SEGMENTS.length)];
    }

    private static byte[] body(Random random) {
        if (random.nextInt(6) == 0) {
            byte[] bytes = new byte[random.nextInt(40)];
            random.nextBytes(bytes); // not UTF-8, not JSON
            return bytes;
        }
        return GARBAGE_BODIES[random.nextInt(GARBAGE_BODIES.length)].getBytes(StandardCharsets.UTF_8);
    }

    private static long last(Api api, String token) {
        return api.call("GET", "/v1/events?after=0&limit=1", token, null).is(200).json().getJsonNumber("last").longValue();
    }

    private static String groups(Api api, String token) {
        return api.call("GET", "/v1/conversation-groups", token, null).is(200).text();
    }
}
