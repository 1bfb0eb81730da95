package io.conversations.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.conversations.adapter.http.JwtTokens;
import io.conversations.domain.identity.UserRef;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * API.md's groups, listing, events and provisioning, end to end: the real wiring on a real
 * socket. Each store (embedded H2, MariaDB) runs the whole suite.
 */
abstract class ApiContract {
    private Wiring service;
    protected Api api;
    private String corp;

    /** The configuration of the store under test (port 0, the test's keys). */
    protected abstract Config config();

    @BeforeEach
    void startTheService() {
        service = Wiring.start(config());
        api = new Api(service.port());
        corp = "corp" + UUID.randomUUID().toString().substring(0, 8);
    }

    @AfterEach
    void stopTheService() {
        if (service != null) {
            service.close();
        }
    }

    protected Config baseConfig(java.nio.file.Path dataDir, Map<String, String> extra) {
        return Api.config(dataDir, extra);
    }

    private static String path(String groupName) {
        return URLEncoder.encode(groupName, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static List<String> names(JsonObject groupList) {
        return groupList.getJsonArray("groupList").stream().map(v -> v.asJsonObject().getString("groupName")).toList();
    }

    @Test
    void walksThroughTheContractsGroupCalls() {
        api.corp(corp, "alice", "bob", "carol");
        api.groupChat(corp, "test", "alice", "bob");
        api.admin("POST", "/v1/admin/corps/" + corp + "/chats", "{\"type\":\"C2C\",\"memberIds\":[\"alice\",\"carol\"]}")
                .is(201);
        api.admin("POST", "/v1/admin/corps/" + corp + "/chats", "{\"type\":\"C2C\",\"memberIds\":[\"carol\",\"alice\"]}")
                .is(200);
        String alice = api.token(corp, "alice");

        JsonObject created = api.call("POST", "/v1/conversation-groups", alice,
                "{\"conversationIDList\":[\"GROUPtest\",\"C2Cexample\",\"C2Ccarol\"],\"groupName\":\"Suppliers\"}")
                .is(201).json();
        assertEquals("Suppliers", created.getString("groupName"));
        assertEquals(List.of("GROUPtest", "C2Ccarol"),
                created.getJsonArray("successConversationIDList").stream().map(Api::str).toList());
        JsonObject failure = created.getJsonArray("failureConversationIDList").getJsonObject(0);
        assertEquals("C2Cexample", failure.getString("conversationID"));
        assertEquals(40401, failure.getInt("code"));
        assertFalse(failure.getString("message").isEmpty());

        api.call("POST", "/v1/conversation-groups", alice, "{\"groupName\":\"需求研发\"}").is(201);
        api.call("POST", "/v1/conversation-groups/" + path("需求研发") + "/conversations", alice,
                "{\"conversationIDList\":[\"GROUPtest\",\"GROUPtest\"]}").is(200);
        JsonObject groups = api.call("GET", "/v1/conversation-groups", alice, null).is(200).json();
        assertEquals(List.of("Suppliers", "需求研发"), names(groups));
        assertEquals(2, groups.getJsonArray("groupList").getJsonObject(0).getInt("conversationCount"));
        assertEquals(0, groups.getJsonArray("groupList").getJsonObject(0).getInt("unreadCount"));

        JsonObject inGroup = api.call("GET", "/v1/conversations?groupName=" + path("需求研发"), alice, null).is(200).json();
        JsonObject test = inGroup.getJsonArray("conversationList").getJsonObject(0);
        assertEquals("GROUPtest", test.getString("conversationID"));
        assertEquals("GROUP", test.getString("type"));
        assertEquals("test", test.getString("chatId"));
        assertEquals("test title", test.getString("title"));
        assertEquals(2, test.getInt("memberCount"));
        assertEquals(JsonValue.NULL, test.get("lastMessage"));
        assertEquals(List.of("Suppliers", "需求研发"), test.getJsonArray("groupList").stream().map(Api::str).toList());
        assertTrue(inGroup.getBoolean("isFinished"));

        api.call("PATCH", "/v1/conversation-groups/" + path("需求研发"), alice, "{\"newName\":\"产品体验\"}")
                .is(200).json().getString("groupName").equals("产品体验");
        api.call("DELETE", "/v1/conversation-groups/Suppliers/conversations", alice,
                "{\"conversationIDList\":[\"C2Ccarol\",\"GROUPnot-there\"]}").is(200);
        api.call("DELETE", "/v1/conversation-groups/Suppliers", alice, null).is(204);
        api.call("DELETE", "/v1/conversation-groups/Suppliers", alice, null).isError(404, 51009);
        assertEquals(List.of("产品体验"), names(api.call("GET", "/v1/conversation-groups", alice, null).json()));

        JsonObject c2c = api.call("GET", "/v1/conversations/C2Ccarol", alice, null).is(200).json();
        assertEquals("carol nick", c2c.getString("title"));
        assertEquals(List.of(), c2c.getJsonArray("groupList"));
        JsonObject all = api.call("GET", "/v1/conversations?count=1", alice, null).is(200).json();
        assertFalse(all.getBoolean("isFinished"));
        JsonObject rest = api.call("GET", "/v1/conversations?count=1&cursor=" + all.getString("nextCursor"), alice,
                null).is(200).json();
        assertTrue(rest.getBoolean("isFinished"));
        assertFalse(all.getJsonArray("conversationList").getJsonObject(0).getString("conversationID")
                .equals(rest.getJsonArray("conversationList").getJsonObject(0).getString("conversationID")));
    }

    @Test
    void recordsTheEventsOfEachChangeInOrder() {
        api.corp(corp, "alice");
        api.groupChat(corp, "sales", "alice");
        String alice = api.token(corp, "alice");
        long before = api.call("GET", "/v1/events?after=0", alice, null).is(200).json().getJsonNumber("last").longValue();
        api.call("POST", "/v1/conversation-groups", alice, "{\"groupName\":\"A\",\"conversationIDList\":[\"GROUPsales\"]}").is(201);
        api.call("POST", "/v1/conversation-groups", alice, "{\"groupName\":\"B\"}").is(201);
        api.call("POST", "/v1/conversation-groups/B/conversations", alice, "{\"conversationIDList\":[\"GROUPsales\"]}").is(200);
        api.call("PATCH", "/v1/conversation-groups/A", alice, "{\"newName\":\"需求研发\"}").is(200);
        api.call("DELETE", "/v1/conversation-groups/B/conversations", alice, "{\"conversationIDList\":[\"GROUPsales\"]}")
                .is(200);
        api.call("DELETE", "/v1/conversation-groups/B", alice, null).is(204);
        JsonObject page = api.call("GET", "/v1/events?after=" + before, alice, null).is(200).json();
        List<String> types = page.getJsonArray("events").stream().map(e -> e.asJsonObject().getString("event")).toList();
        assertEquals(List.of("CONVERSATION_GROUP_LIST_UPDATED", "CONVERSATION_IN_GROUP_UPDATED",
                "CONVERSATION_GROUP_LIST_UPDATED", "CONVERSATION_IN_GROUP_UPDATED",
                "CONVERSATION_GROUP_RENAMED", "CONVERSATION_GROUP_LIST_UPDATED",
                "CONVERSATION_IN_GROUP_UPDATED", "CONVERSATION_GROUP_LIST_UPDATED"), types,
                "group changes send names and ids, never the conversations again");
        List<Long> ids = page.getJsonArray("events").stream().map(e -> e.asJsonObject().getJsonNumber("id").longValue()).toList();
        assertEquals(LongStream.rangeClosed(before + 1, before + 8).boxed().toList(), ids);
        assertEquals(before + 8, page.getJsonNumber("last").longValue());
        List<JsonValue> data = page.getJsonArray("events").stream().map(e -> e.asJsonObject().get("data")).toList();
        assertEquals(Api.value("[\"A\"]"), data.get(0));
        assertEquals(Api.value("{\"groupName\":\"A\",\"addedConversationIDList\":[\"GROUPsales\"],"
                + "\"removedConversationIDList\":[]}"), data.get(1));
        assertEquals(Api.value("[\"A\",\"B\"]"), data.get(2));
        assertEquals(Api.value("{\"groupName\":\"B\",\"addedConversationIDList\":[\"GROUPsales\"],"
                + "\"removedConversationIDList\":[]}"), data.get(3));
        assertEquals(Api.value("{\"oldName\":\"A\",\"newName\":\"需求研发\"}"), data.get(4));
        assertEquals(Api.value("[\"需求研发\",\"B\"]"), data.get(5));
        assertEquals(Api.value("{\"groupName\":\"B\",\"addedConversationIDList\":[],"
                + "\"removedConversationIDList\":[\"GROUPsales\"]}"), data.get(6));
        assertEquals(Api.value("[\"需求研发\"]"), data.get(7));
        JsonObject sales = api.call("GET", "/v1/conversations/GROUPsales", alice, null).is(200).json();
        assertEquals(List.of("需求研发"), sales.getJsonArray("groupList").stream().map(Api::str).toList());
    }

    private static List<String> ids(JsonObject page) {
        return page.getJsonArray("conversationList").stream()
                .map(c -> c.asJsonObject().getString("conversationID")).toList();
    }

    @Test
    void marksRemindTypesClearedHistoryAndReadAllAsApiMdSays() {
        api.corp(corp, "alice", "bob");
        api.groupChat(corp, "ma", "alice", "bob");
        api.groupChat(corp, "mb", "alice", "bob");
        String alice = api.token(corp, "alice");
        String bob = api.token(corp, "bob");
        long before = api.call("GET", "/v1/events?after=0", alice, null).is(200).json().getJsonNumber("last").longValue();

        JsonObject marked = api.call("POST", "/v1/conversations/marks", alice, "{\"conversationIDList\":[\"GROUPma\","
                + "\"GROUPmb\",\"C2Cnobody\"],\"markType\":1,\"enableMark\":true}").is(200).json();
        assertEquals(List.of("GROUPma", "GROUPmb"),
                marked.getJsonArray("successConversationIDList").stream().map(Api::str).toList());
        assertEquals(40401, marked.getJsonArray("failureConversationIDList").getJsonObject(0).getInt("code"));
        assertEquals(Set.of("successConversationIDList", "failureConversationIDList"), marked.keySet());
        api.call("POST", "/v1/conversations/marks", alice,
                "{\"conversationIDList\":[\"GROUPma\"],\"markType\":9007199254740991,\"enableMark\":true}").is(200);
        assertEquals(Api.value("[1,9007199254740991]"),
                api.call("GET", "/v1/conversations/GROUPma", alice, null).is(200).json().get("markList"));
        assertEquals(Api.value("[]"), api.call("GET", "/v1/conversations/GROUPma", bob, null).json().get("markList"));
        assertEquals(Set.of("GROUPma", "GROUPmb"),
                Set.copyOf(ids(api.call("GET", "/v1/conversations?markType=1", alice, null).is(200).json())));
        assertEquals(List.of("GROUPma"),
                ids(api.call("GET", "/v1/conversations?markType=9007199254740991&type=GROUP", alice, null).json()));
        api.call("POST", "/v1/conversations/marks", alice,
                "{\"conversationIDList\":[\"GROUPmb\"],\"markType\":1,\"enableMark\":false}").is(200);
        assertEquals(List.of("GROUPma"), ids(api.call("GET", "/v1/conversations?markType=1", alice, null).json()),
                "the first page is not answered from before the change");
        JsonObject event = api.call("GET", "/v1/events?after=" + before, alice, null).json().getJsonArray("events")
                .getJsonObject(0);
        assertEquals("CONVERSATION_LIST_UPDATED", event.getString("event"));
        assertEquals(Api.value("[1]"), event.getJsonArray("data").getJsonObject(0).get("markList"));

        for (int i = 0; i < 2; i++) {
            api.call("POST", "/v1/chats/ma/messages", bob, "{\"type\":\"text\",\"text\":\"a" + i + "\"}").is(201);
        }
        api.call("POST", "/v1/chats/mb/messages", bob, "{\"type\":\"text\",\"text\":\"b\"}").is(201);
        JsonObject muted = api.call("PUT", "/v1/conversations/GROUPmb/remind-type", alice,
                "{\"messageRemindType\":\"AcceptNotNotify\"}").is(200).json();
        assertEquals("AcceptNotNotify", muted.getString("messageRemindType"));
        assertEquals(1, muted.getInt("unreadCount"), "do-not-disturb still counts its own unread");
        assertEquals(2, api.call("GET", "/v1/conversations/unread-total", alice, null).is(200).json()
                .getJsonNumber("totalUnreadCount").longValue());
        api.call("POST", "/v1/conversation-groups", alice,
                "{\"groupName\":\"G\",\"conversationIDList\":[\"GROUPma\",\"GROUPmb\"]}").is(201);
        assertEquals(2, api.call("GET", "/v1/conversation-groups", alice, null).json().getJsonArray("groupList")
                .getJsonObject(0).getInt("unreadCount"), "the group's badge leaves the muted one out too");
        assertEquals(Set.of("GROUPma", "GROUPmb"),
                Set.copyOf(ids(api.call("GET", "/v1/conversations?hasUnreadCount=true", alice, null).is(200).json())));
        assertEquals(List.of(), ids(api.call("GET", "/v1/conversations?hasUnreadCount=true", bob, null).json()));

        JsonObject cleared = api.call("POST", "/v1/conversations/GROUPma/clear-history", alice, null).is(200).json();
        assertEquals(JsonValue.NULL, cleared.get("lastMessage"));
        assertEquals(0, cleared.getInt("unreadCount"));
        assertEquals(0, api.call("GET", "/v1/chats/ma/messages", alice, null).is(200).json()
                .getJsonArray("messageList").size());
        assertEquals(2, api.call("GET", "/v1/chats/ma/messages", bob, null).json().getJsonArray("messageList").size(),
                "bob keeps his history");
        api.call("POST", "/v1/chats/ma/messages", bob, "{\"type\":\"text\",\"text\":\"after\"}").is(201);
        assertEquals(1, api.call("GET", "/v1/chats/ma/messages", alice, null).json().getJsonArray("messageList").size());

        api.call("POST", "/v1/conversations/read-all", alice, null).is(204);
        assertEquals(0, api.call("GET", "/v1/conversations/unread-total", alice, null).json()
                .getJsonNumber("totalUnreadCount").longValue());
        assertEquals(0, api.call("GET", "/v1/conversations/GROUPmb", alice, null).json().getInt("unreadCount"));

        api.call("DELETE", "/v1/conversations/GROUPmb?clearHistory=true", alice, null).is(204);
        assertEquals(List.of("GROUPma"), ids(api.call("GET", "/v1/conversations", alice, null).json()));
        assertEquals(JsonValue.NULL, api.call("GET", "/v1/conversations/GROUPmb", alice, null).json().get("lastMessage"));
        assertEquals(0, api.call("GET", "/v1/chats/mb/messages", alice, null).json().getJsonArray("messageList").size());
        api.call("DELETE", "/v1/conversations/GROUPma?clearHistory=false", alice, null).is(204);
        assertEquals(1, api.call("GET", "/v1/chats/ma/messages", alice, null).json().getJsonArray("messageList").size(),
                "hiding alone keeps the history");
    }

    @Test
    void refusesBadMarksRemindTypesAndFiltersClearly() {
        api.corp(corp, "alice");
        api.groupChat(corp, "ma", "alice");
        String alice = api.token(corp, "alice");
        String ids = "\"conversationIDList\":[\"GROUPma\"]";
        for (String body : List.of("{" + ids + ",\"markType\":0,\"enableMark\":true}",
                "{" + ids + ",\"markType\":9007199254740992,\"enableMark\":true}",
                "{" + ids + ",\"markType\":\"1\",\"enableMark\":true}",
                "{" + ids + ",\"markType\":1.5,\"enableMark\":true}",
                "{" + ids + ",\"enableMark\":true}", "{" + ids + ",\"markType\":1}",
                "{" + ids + ",\"markType\":1,\"enableMark\":\"yes\"}",
                "{\"markType\":1,\"enableMark\":true}")) {
            api.call("POST", "/v1/conversations/marks", alice, body).isError(400, 40001);
        }
        api.call("POST", "/v1/conversations/marks", alice, "{\"conversationIDList\":[],\"markType\":1,"
                + "\"enableMark\":true}").isError(400, 51006);
        String many = LongStream.range(0, 101).mapToObj(i -> "\"C2Cu" + i + "\"").collect(Collectors.joining(","));
        api.call("POST", "/v1/conversations/marks", alice, "{\"conversationIDList\":[" + many + "],\"markType\":1,"
                + "\"enableMark\":true}").isError(400, 51006);
        StringBuilder marks = new StringBuilder();
        for (int mark = 1; mark <= 33; mark++) {
            JsonObject answer = api.call("POST", "/v1/conversations/marks", alice, "{" + ids + ",\"markType\":" + mark
                    + ",\"enableMark\":true}").is(200).json();
            marks.append(answer.getJsonArray("failureConversationIDList").isEmpty() ? "" : mark + ":"
                    + answer.getJsonArray("failureConversationIDList").getJsonObject(0).getInt("code"));
        }
        assertEquals("33:40903", marks.toString(), "32 marks a conversation");
        assertEquals(32, api.call("GET", "/v1/conversations/GROUPma", alice, null).json().getJsonArray("markList").size());
        for (String query : List.of("markType=0", "markType=x", "markType=-1", "hasUnreadCount=yes",
                "hasUnreadCount=1")) {
            api.call("GET", "/v1/conversations?" + query, alice, null).isError(400, 40001);
        }
        for (String body : List.of("{\"messageRemindType\":\"Loud\"}", "{\"messageRemindType\":1}", "{}")) {
            api.call("PUT", "/v1/conversations/GROUPma/remind-type", alice, body).isError(400, 40001);
        }
        api.call("PUT", "/v1/conversations/GROUPnone/remind-type", alice, "{\"messageRemindType\":\"Discard\"}")
                .isError(404, 40401);
        api.call("POST", "/v1/conversations/GROUPnone/clear-history", alice, null).isError(404, 40401);
        api.call("DELETE", "/v1/conversations/GROUPma?clearHistory=maybe", alice, null).isError(400, 40001);
        assertEquals("AcceptAndNotify", api.call("GET", "/v1/conversations/GROUPma", alice, null).json()
                .getString("messageRemindType"), "nothing changed");
        api.call("GET", "/v1/conversations/unread-total", null, null).isError(401, 40101);
    }

    @Test
    void answersEveryBadInputWithTheContractsErrorAndChangesNothing() {
        api.corp(corp, "alice");
        api.groupChat(corp, "sales", "alice");
        String alice = api.token(corp, "alice");
        api.call("POST", "/v1/conversation-groups", alice, "{\"groupName\":\"A\"}").is(201);
        api.call("POST", "/v1/conversation-groups", alice, "{\"groupName\":\"B\"}").is(201);
        long seq = api.call("GET", "/v1/events", alice, null).json().getJsonNumber("last").longValue();
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 101; i++) {
            many.append(i == 0 ? "" : ",").append("\"GROUPc").append(i).append('"');
        }
        JwtTokens otherSecret = new JwtTokens("another-secret-that-is-long-enough-32b");
        String forged = otherSecret.issue(UserRef.of(corp, "alice"), System.currentTimeMillis() + 60_000);
        String expired = new JwtTokens(Api.TOKEN_SECRET).issue(UserRef.of(corp, "alice"), System.currentTimeMillis() - 1000);
        String stranger = new JwtTokens(Api.TOKEN_SECRET).issue(UserRef.of(corp, "ghost"), System.currentTimeMillis() + 60_000);

        api.call("GET", "/v1/conversation-groups", null, null).isError(401, 40101);
        api.call("GET", "/v1/conversation-groups", "garbage", null).isError(401, 40101);
        api.call("GET", "/v1/conversation-groups", forged, null).isError(401, 40101);
        api.call("GET", "/v1/conversation-groups", expired, null).isError(401, 40101);
        api.call("GET", "/v1/conversation-groups", stranger, null).isError(401, 40101);
        api.call("GET", "/v1/conversation-groups", Api.ADMIN_KEY, null).isError(401, 40101);
        api.call("PUT", "/v1/admin/corps/x", alice, "{\"name\":\"x\"}").isError(401, 40101);

        api.call("POST", "/v1/conversation-groups", alice, "{\"groupName\":").isError(400, 40001);
        api.call("POST", "/v1/conversation-groups", alice, "[1,2]").isError(400, 40001);
        api.call("POST", "/v1/conversation-groups", alice, "").isError(400, 40001);
        api.call("POST", "/v1/conversation-groups", alice, "{\"groupName\":5}").isError(400, 40001);
        api.call("POST", "/v1/conversation-groups", alice, "{}").isError(400, 40001);
        api.call("POST", "/v1/conversation-groups", alice, "{\"groupName\":\"C\",\"conversationIDList\":\"GROUPsales\"}").isError(400, 40001);
        api.call("POST", "/v1/conversation-groups", alice, "{\"groupName\":\"C\",\"conversationIDList\":[1]}").isError(400, 40001);
        api.call("POST", "/v1/conversation-groups", alice, "{\"groupName\":\"\"}").isError(400, 51011);
        api.call("POST", "/v1/conversation-groups", alice, "{\"groupName\":\"一二三四五六七八九十一\"}").isError(400, 51011);
        api.call("POST", "/v1/conversation-groups", alice, "{\"groupName\":\"a\\u0007b\"}").isError(400, 40002);
        api.call("POST", "/v1/conversation-groups", alice, "{\"groupName\":\"C\",\"conversationIDList\":[" + many + "]}").isError(400, 51006);
        api.call("POST", "/v1/conversation-groups", alice, "{\"groupName\":\"A\"}").isError(409, 40901);
        api.call("POST", "/v1/conversation-groups/A/conversations", alice, "{\"conversationIDList\":[]}").isError(400, 51006);
        api.call("POST", "/v1/conversation-groups/A/conversations", alice, "{}").isError(400, 40001);
        api.call("POST", "/v1/conversation-groups/Z/conversations", alice, "{\"conversationIDList\":[\"GROUPsales\"]}").isError(404, 51009);
        api.call("DELETE", "/v1/conversation-groups/Z/conversations", alice, "{\"conversationIDList\":[\"GROUPsales\"]}").isError(404, 51009);
        api.call("PATCH", "/v1/conversation-groups/A", alice, "{\"newName\":\"B\"}").isError(409, 40901);
        api.call("PATCH", "/v1/conversation-groups/Z", alice, "{\"newName\":\"Y\"}").isError(404, 51009);
        api.call("PATCH", "/v1/conversation-groups/A", alice, "{\"newName\":null}").isError(400, 40001);
        api.call("PATCH", "/v1/conversation-groups/%E9%9C", alice, "{\"newName\":\"Y\"}").isError(400, 40001);
        api.call("DELETE", "/v1/conversation-groups/Z", alice, null).isError(404, 51009);
        api.call("GET", "/v1/conversations?count=0", alice, null).isError(400, 40001);
        api.call("GET", "/v1/conversations?count=101", alice, null).isError(400, 40001);
        api.call("GET", "/v1/conversations?count=ten", alice, null).isError(400, 40001);
        api.call("GET", "/v1/conversations?cursor=not-a-cursor", alice, null).isError(400, 40001);
        api.call("GET", "/v1/conversations?type=CHANNEL", alice, null).isError(400, 40001);
        api.call("GET", "/v1/conversations?groupName=Z", alice, null).isError(404, 51009);
        api.call("GET", "/v1/conversations/GROUPnope", alice, null).isError(404, 40401);
        api.call("GET", "/v1/conversations/garbage", alice, null).isError(404, 40401);
        api.call("GET", "/v1/events?after=-1", alice, null).isError(400, 40001);
        api.call("GET", "/v1/no-such-route", alice, null).isError(404, 40401);

        api.admin("PUT", "/v1/admin/corps/bad%20id", "{\"name\":\"x\"}").isError(400, 40001);
        api.admin("PUT", "/v1/admin/corps/" + corp + "/users/u", "{\"nick\":7}").isError(400, 40001);
        api.admin("PUT", "/v1/admin/corps/nocorp/users/u", "{\"nick\":\"n\"}").isError(404, 40401);
        api.admin("POST", "/v1/admin/corps/" + corp + "/chats", "{\"type\":\"GROUP\",\"chatId\":\"sales\",\"memberIds\":[\"alice\"]}").isError(409, 40901);
        api.admin("POST", "/v1/admin/corps/" + corp + "/chats", "{\"type\":\"GROUP\",\"memberIds\":[\"ghost\"]}").isError(404, 40401);
        api.admin("POST", "/v1/admin/corps/" + corp + "/chats", "{\"type\":\"C2C\",\"memberIds\":[\"alice\"]}").isError(400, 40001);
        api.admin("POST", "/v1/admin/corps/" + corp + "/chats", "{\"type\":\"ROOM\",\"memberIds\":[\"alice\"]}").isError(400, 40001);
        api.admin("POST", "/v1/admin/tokens", "{\"corpId\":\"" + corp + "\",\"userId\":\"ghost\"}").isError(404, 40401);
        api.admin("POST", "/v1/admin/tokens", "{\"corpId\":\"" + corp + "\",\"userId\":\"alice\",\"ttlSeconds\":\"1h\"}").isError(400, 40001);

        assertEquals(seq, api.call("GET", "/v1/events", alice, null).json().getJsonNumber("last").longValue(),
                "a refused request records no event");
        assertEquals(List.of("A", "B"), names(api.call("GET", "/v1/conversation-groups", alice, null).json()));
    }

    @Test
    void refusesBodiesThatAreNotUtf8JsonNamesThatCouldNotBeAddressedAndWrongMethodsClearly() {
        api.corp(corp, "alice");
        String alice = api.token(corp, "alice");
        long seq = api.call("GET", "/v1/events", alice, null).json().getJsonNumber("last").longValue();
        byte[] brokenUtf8 = {'{', '"', 'g', 'r', 'o', 'u', 'p', 'N', 'a', 'm', 'e', '"', ':', '"', 'A', (byte) 0xff, 'B', '"', '}'};
        api.raw("POST", "/v1/conversation-groups", alice, brokenUtf8, "application/json").isError(400, 40001);
        api.raw("POST", "/v1/conversation-groups", alice, "{\"groupName\":\"A\"}".getBytes(StandardCharsets.UTF_8),
                "application/json; charset=ebcdic").isError(400, 40001);
        api.raw("POST", "/v1/conversation-groups", alice, "{\"groupName\":\"Ok\"}".getBytes(StandardCharsets.UTF_8),
                "application/json; charset=UTF-8").is(201);
        // U+FFFD arrives as valid UTF-8 too; a name holding it could never be addressed in a path.
        api.call("POST", "/v1/conversation-groups", alice, "{\"groupName\":\"A\uFFFDB\"}").isError(400, 40002);
        api.call("POST", "/v1/conversation-groups", alice, "{\"groupName\":\"\u202Eevil\"}").isError(400, 40002);
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        api.call("POST", "/v1/conversation-groups", alice, "{\"groupName\":" + deep + "}").isError(400, 40001);
        api.call("PUT", "/v1/conversation-groups", alice, "{\"groupName\":\"X\"}").isError(405, 40501);
        api.call("GET", "/v1/nowhere", alice, null).isError(404, 40401);
        api.unchecked("DELETE", "/v1/conversation-groups/%u0041", alice).isError(400, 40001);
        api.unchecked("GET", "/v1/conversations/%u0041", alice).isError(400, 40001);
        api.unchecked("GET /v1/conversation-groups HTTP/9.9", alice).isError(505, 40001);
        assertEquals(List.of("Ok"), api.call("GET", "/v1/conversation-groups", alice, null).json().getJsonArray("groupList")
                .stream().map(g -> g.asJsonObject().getString("groupName")).toList(), "only the good request stored");
        assertEquals(seq + 1, api.call("GET", "/v1/events", alice, null).json().getJsonNumber("last").longValue());
    }

    @Test
    void namesThatLookTheSameAreOneGroupAndNamesThatShowNothingAreRefused() {
        api.corp(corp, "alice");
        String alice = api.token(corp, "alice");
        assertEquals("Caf\u00e9", api.call("POST", "/v1/conversation-groups", alice, "{\"groupName\":\"Cafe\u0301\"}")
                .is(201).json().getString("groupName"), "stored in NFC");
        api.call("POST", "/v1/conversation-groups", alice, "{\"groupName\":\"Caf\u00e9\"}").isError(409, 40901);
        for (String shown : List.of(" ", "\u00ad", "\u3164", "Ops\u061c", "Ops\u00a0Team", "Ops ")) {
            api.call("POST", "/v1/conversation-groups", alice, "{\"groupName\":\"" + shown + "\"}").isError(400, 40002);
        }
        api.call("POST", "/v1/conversation-groups", alice, "{\"groupName\":\"Ops\"}").is(201);
        api.call("PATCH", "/v1/conversation-groups/Ops", alice, "{\"newName\":\"Ops\u00ad\"}").isError(400, 40002);
        api.call("PATCH", "/v1/conversation-groups/Ops", alice, "{\"newName\":\"Cafe\u0301\"}").isError(409, 40901);
        assertEquals(List.of("Café", "Ops"), api.call("GET", "/v1/conversation-groups", alice, null).json()
                .getJsonArray("groupList").stream().map(g -> g.asJsonObject().getString("groupName")).sorted().toList());
    }

    @Test
    void oneCorpNeverSeesAnothersData() {
        String other = corp + "x";
        api.corp(corp, "alice");
        api.corp(other, "alice");
        api.groupChat(corp, "sales", "alice");
        String mine = api.token(corp, "alice");
        String theirs = api.token(other, "alice");
        api.call("POST", "/v1/conversation-groups", mine, "{\"groupName\":\"Secret\",\"conversationIDList\":[\"GROUPsales\"]}").is(201);
        api.call("GET", "/v1/conversations/GROUPsales", theirs, null).isError(404, 40401);
        api.call("GET", "/v1/conversation-groups", theirs, null).is(200).json().getJsonArray("groupList").isEmpty();
        assertTrue(api.call("GET", "/v1/conversation-groups", theirs, null).json().getJsonArray("groupList").isEmpty());
        api.call("DELETE", "/v1/conversation-groups/Secret", theirs, null).isError(404, 51009);
        JsonObject created = api.call("POST", "/v1/conversation-groups", theirs,
                "{\"groupName\":\"Secret\",\"conversationIDList\":[\"GROUPsales\"]}").is(201).json();
        assertEquals(40401, created.getJsonArray("failureConversationIDList").getJsonObject(0).getInt("code"));
        assertEquals(0, api.call("GET", "/v1/events?after=0", theirs, null).json().getJsonArray("events").stream()
                .filter(e -> e.asJsonObject().getString("event").equals("CONVERSATION_LIST_UPDATED")).count());
    }

    @Test
    void fiftyConcurrentCreatesLeaveExactlyTwentyGroups() throws Exception {
        api.corp(corp, "alice");
        String alice = api.token(corp, "alice");
        List<Api.Reply> replies = race(50, i -> api.call("POST", "/v1/conversation-groups", alice,
                "{\"groupName\":\"g" + i + "\"}"));
        assertEquals(20, replies.stream().filter(r -> r.status() == 201).count());
        List<Api.Reply> refused = replies.stream().filter(r -> r.status() != 201).toList();
        assertEquals(30, refused.size());
        refused.forEach(r -> r.isError(409, 51010));
        assertEquals(20, names(api.call("GET", "/v1/conversation-groups", alice, null).json()).size());
        JsonObject events = api.call("GET", "/v1/events?after=0", alice, null).json();
        List<Long> ids = events.getJsonArray("events").stream().map(e -> e.asJsonObject().getJsonNumber("id").longValue()).toList();
        assertEquals(20, ids.size(), "one event per group created, none for the refused");
        for (int i = 0; i < ids.size(); i++) {
            assertEquals(i + 1, ids.get(i), "the sequence has no gaps");
        }
        List<Integer> sizes = events.getJsonArray("events").stream().map(e -> e.asJsonObject().getJsonArray("data").size()).toList();
        for (int i = 0; i < sizes.size(); i++) {
            assertEquals(i + 1, sizes.get(i), "each group-list event carries the full list as it grew");
        }
    }

    @Test
    void concurrentAddsAndRemovesNeverLoseOrDuplicateAMembership() throws Exception {
        int chats = 8;
        int rounds = 5;
        List<String> users = new ArrayList<>(List.of("alice"));
        api.corp(corp, "alice");
        for (int c = 0; c < chats; c++) {
            api.groupChat(corp, "chat" + c, "alice");
        }
        String alice = api.token(corp, "alice");
        api.call("POST", "/v1/conversation-groups", alice, "{\"groupName\":\"G\"}").is(201);
        long before = api.call("GET", "/v1/events", alice, null).json().getJsonNumber("last").longValue();
        // Each worker toggles its own conversation in and out, ending "in"; all race on one group.
        race(chats, c -> {
            Api.Reply last = null;
            for (int r = 0; r < rounds; r++) {
                api.call("POST", "/v1/conversation-groups/G/conversations", alice,
                        "{\"conversationIDList\":[\"GROUPchat" + c + "\"]}").is(200);
                api.call("DELETE", "/v1/conversation-groups/G/conversations", alice,
                        "{\"conversationIDList\":[\"GROUPchat" + c + "\"]}").is(200);
            }
            last = api.call("POST", "/v1/conversation-groups/G/conversations", alice,
                    "{\"conversationIDList\":[\"GROUPchat" + c + "\"]}").is(200);
            return last;
        });
        JsonObject group = api.call("GET", "/v1/conversations?groupName=G&count=100", alice, null).is(200).json();
        List<String> ids = group.getJsonArray("conversationList").stream()
                .map(v -> v.asJsonObject().getString("conversationID")).toList();
        assertEquals(chats, ids.size());
        assertEquals(chats, new HashSet<>(ids).size());
        assertEquals(chats, api.call("GET", "/v1/conversation-groups", alice, null).json().getJsonArray("groupList")
                .getJsonObject(0).getInt("conversationCount"));
        JsonObject events = api.call("GET", "/v1/events?after=" + before, alice, null).json();
        int changes = chats * (2 * rounds + 1);
        assertEquals(changes, events.getJsonArray("events").size(), "one in-group event per change");
        Set<Long> seqs = events.getJsonArray("events").stream().map(e -> e.asJsonObject().getJsonNumber("id").longValue())
                .collect(Collectors.toSet());
        assertEquals(changes, seqs.size());
        assertEquals(before + changes, events.getJsonNumber("last").longValue());
        assertTrue(users.size() == 1);
    }

    @Test
    void groupsAndMembershipsSurviveARestart() {
        api.corp(corp, "alice");
        api.groupChat(corp, "sales", "alice");
        String alice = api.token(corp, "alice");
        api.call("POST", "/v1/conversation-groups", alice, "{\"groupName\":\"需求研发\",\"conversationIDList\":[\"GROUPsales\"]}").is(201);
        service.close();
        service = Wiring.start(config());
        api = new Api(service.port());
        JsonObject groups = api.call("GET", "/v1/conversation-groups", alice, null).is(200).json();
        assertEquals(List.of("需求研发"), names(groups));
        assertEquals(1, groups.getJsonArray("groupList").getJsonObject(0).getInt("conversationCount"));
    }

    @Test
    void pinsDraftsMarksReadAndHidesAConversation() {
        api.corp(corp, "alice", "bob", "carol");
        api.groupChat(corp, "old", "alice", "bob");
        api.groupChat(corp, "recent", "alice", "bob");
        api.groupChat(corp, "private", "carol");
        String alice = api.token(corp, "alice");
        long before = api.call("GET", "/v1/events", alice, null).json().getJsonNumber("last").longValue();

        JsonObject pinned = api.call("PUT", "/v1/conversations/GROUPold/pin", alice, "{\"isPinned\":true}").is(200).json();
        assertTrue(pinned.getBoolean("isPinned"));
        assertEquals("GROUPold", api.call("GET", "/v1/conversations", alice, null).json()
                .getJsonArray("conversationList").getJsonObject(0).getString("conversationID"), "pinned first");
        assertEquals("草稿\n第二行", api.call("PUT", "/v1/conversations/GROUPold/draft", alice,
                "{\"draftText\":\"草稿\\n第二行\"}").is(200).json().getString("draftText"));
        String data = "d".repeat(256);
        assertEquals(data, api.call("PUT", "/v1/conversations/GROUPold/custom-data", alice,
                "{\"customData\":\"" + data + "\"}").is(200).json().getString("customData"));
        assertEquals(0, api.call("POST", "/v1/conversations/GROUPold/read", alice, null).is(200).json().getInt("unreadCount"));
        api.call("DELETE", "/v1/conversations/GROUPrecent", alice, null).is(204);
        List<String> listed = api.call("GET", "/v1/conversations", alice, null).json().getJsonArray("conversationList")
                .stream().map(v -> v.asJsonObject().getString("conversationID")).toList();
        assertEquals(List.of("GROUPold"), listed, "a hidden conversation leaves the list");
        api.call("GET", "/v1/conversations/GROUPrecent", alice, null).is(200);

        JsonObject events = api.call("GET", "/v1/events?after=" + before, alice, null).json();
        assertEquals(5, events.getJsonArray("events").size(), "one list event per change");
        assertTrue(events.getJsonArray("events").stream()
                .allMatch(e -> e.asJsonObject().getString("event").equals("CONVERSATION_LIST_UPDATED")));
        long seq = events.getJsonNumber("last").longValue();

        api.call("PUT", "/v1/conversations/GROUPold/pin", alice, "{\"isPinned\":\"yes\"}").isError(400, 40001);
        api.call("PUT", "/v1/conversations/GROUPold/pin", alice, "{}").isError(400, 40001);
        api.call("PUT", "/v1/conversations/GROUPold/draft", alice, "{\"draftText\":7}").isError(400, 40001);
        api.call("PUT", "/v1/conversations/GROUPold/custom-data", alice, "{\"customData\":\"" + data + "x\"}").isError(400, 40001);
        api.call("PUT", "/v1/conversations/GROUPprivate/pin", alice, "{\"isPinned\":true}").isError(404, 40401);
        api.call("POST", "/v1/conversations/GROUPprivate/read", alice, null).isError(404, 40401);
        api.call("DELETE", "/v1/conversations/GROUPprivate", alice, null).isError(404, 40401);
        api.call("PUT", "/v1/conversations/nonsense/draft", alice, "{\"draftText\":\"x\"}").isError(404, 40401);
        assertEquals(seq, api.call("GET", "/v1/events", alice, null).json().getJsonNumber("last").longValue());
        String bob = api.token(corp, "bob");
        JsonObject bobs = api.call("GET", "/v1/conversations/GROUPold", bob, null).is(200).json();
        assertFalse(bobs.getBoolean("isPinned"), "alice's pin is hers alone");
        assertEquals("", bobs.getString("draftText"));
    }

    @Test
    void aMessageMovesTheChatUpForEveryMemberAndCountsUnreadForTheOthers() {
        api.corp(corp, "alice", "bob", "carol");
        api.groupChat(corp, "sales", "alice", "bob");
        api.groupChat(corp, "later", "alice", "bob");
        String alice = api.token(corp, "alice");
        String bob = api.token(corp, "bob");
        String carol = api.token(corp, "carol");
        api.call("POST", "/v1/conversation-groups", bob, "{\"groupName\":\"Work\",\"conversationIDList\":[\"GROUPsales\",\"GROUPlater\"]}").is(201);
        long bobBefore = api.call("GET", "/v1/events", bob, null).json().getJsonNumber("last").longValue();

        JsonObject text = api.call("POST", "/v1/chats/sales/messages", alice, "{\"type\":\"text\",\"text\":\"你好\"}").is(201).json();
        assertEquals("sales", text.getString("chatId"));
        assertEquals("alice", text.getString("senderId"));
        assertEquals("text", text.getString("type"));
        assertEquals(JsonValue.NULL, text.get("attachment"));
        JsonObject image = api.call("POST", "/v1/chats/sales/messages", alice,
                "{\"type\":\"image\",\"attachment\":{\"images\":[\"https://i/1.png\"]}}").is(201).json();
        assertEquals("https://i/1.png", image.getJsonObject("attachment").getJsonArray("images").getString(0));
        JsonObject link = api.call("POST", "/v1/chats/sales/messages", alice,
                "{\"type\":\"link\",\"text\":\"see\",\"attachment\":{\"url\":\"https://l\",\"title\":\"L\"}}").is(201).json();
        assertEquals("L", link.getJsonObject("attachment").getString("title"));

        JsonObject bobsList = api.call("GET", "/v1/conversations", bob, null).is(200).json();
        JsonObject top = bobsList.getJsonArray("conversationList").getJsonObject(0);
        assertEquals("GROUPsales", top.getString("conversationID"), "the chat with the newest message comes first");
        assertEquals(3, top.getInt("unreadCount"));
        assertEquals(link.getString("messageId"), top.getJsonObject("lastMessage").getString("messageId"));
        assertEquals(0, api.call("GET", "/v1/conversations/GROUPsales", alice, null).json().getInt("unreadCount"));
        assertEquals(3, api.call("GET", "/v1/conversation-groups", bob, null).json().getJsonArray("groupList")
                .getJsonObject(0).getInt("unreadCount"), "the group's badge is the sum of its conversations");
        assertEquals(3, api.call("GET", "/v1/events?after=" + bobBefore, bob, null).json().getJsonArray("events").size(),
                "one list event per message");
        api.call("POST", "/v1/conversations/GROUPsales/read", bob, null).is(200);
        assertEquals(0, api.call("GET", "/v1/conversation-groups", bob, null).json().getJsonArray("groupList")
                .getJsonObject(0).getInt("unreadCount"));

        JsonObject page = api.call("GET", "/v1/chats/sales/messages?count=2", bob, null).is(200).json();
        assertEquals(List.of(link.getString("messageId"), image.getString("messageId")), page.getJsonArray("messageList")
                .stream().map(v -> v.asJsonObject().getString("messageId")).toList(), "newest first");
        assertFalse(page.getBoolean("isFinished"));
        JsonObject rest = api.call("GET", "/v1/chats/sales/messages?count=2&cursor=" + page.getString("nextCursor"), bob,
                null).is(200).json();
        assertEquals(List.of(text.getString("messageId")), rest.getJsonArray("messageList").stream()
                .map(v -> v.asJsonObject().getString("messageId")).toList());
        assertTrue(rest.getBoolean("isFinished"));

        api.call("POST", "/v1/chats/sales/messages", carol, "{\"type\":\"text\",\"text\":\"hi\"}").isError(404, 40401);
        api.call("GET", "/v1/chats/sales/messages", carol, null).isError(404, 40401);
        api.call("POST", "/v1/chats/nochat/messages", alice, "{\"type\":\"text\",\"text\":\"hi\"}").isError(404, 40401);
        api.call("POST", "/v1/chats/sales/messages", alice, "{\"type\":\"text\"}").isError(400, 40001);
        api.call("POST", "/v1/chats/sales/messages", alice, "{\"type\":\"video\",\"text\":\"x\"}").isError(400, 40001);
        api.call("POST", "/v1/chats/sales/messages", alice, "{\"type\":\"image\",\"attachment\":{}}").isError(400, 40001);
        api.call("POST", "/v1/chats/sales/messages", alice, "{\"type\":\"link\",\"attachment\":\"x\"}").isError(400, 40001);
        api.call("GET", "/v1/chats/sales/messages?cursor=zzz", alice, null).isError(400, 40001);
    }

    @Test
    void sendersRacingIntoOneChatLeaveEveryUnreadCountRight() throws Exception {
        // The issue's example: 20 members all sending at once, 50 messages each.
        int senders = 20;
        int each = 50;
        List<String> users = new ArrayList<>();
        for (int i = 0; i < senders; i++) {
            users.add("u" + i);
        }
        api.corp(corp, users.toArray(new String[0]));
        api.groupChat(corp, "busy", "u0", users.subList(1, senders).toArray(new String[0]));
        List<String> tokens = users.stream().map(u -> api.token(corp, u)).toList();
        race(senders, i -> {
            for (int m = 0; m < each; m++) {
                api.call("POST", "/v1/chats/busy/messages", tokens.get(i), "{\"type\":\"text\",\"text\":\"m" + m + "\"}").is(201);
            }
            return null;
        });
        for (String token : tokens) {
            JsonObject mine = api.call("GET", "/v1/conversations/GROUPbusy", token, null).is(200).json();
            assertEquals((senders - 1) * each, mine.getInt("unreadCount"), "every message the others sent, once");
            List<Long> ids = allEventIds(token);
            assertEquals(1 + senders * each, ids.size(), "the new chat, then one per message");
            for (int i = 0; i < ids.size(); i++) {
                assertEquals(i + 1, ids.get(i), "gap-free and in order");
            }
        }
        Set<String> stored = new HashSet<>();
        String cursor = "";
        while (true) {
            JsonObject page = api.call("GET", "/v1/chats/busy/messages?count=100&cursor=" + cursor, tokens.get(0), null)
                    .is(200).json();
            page.getJsonArray("messageList").forEach(m -> stored.add(m.asJsonObject().getString("messageId")));
            if (page.getBoolean("isFinished")) {
                break;
            }
            cursor = page.getString("nextCursor");
        }
        assertEquals(senders * each, stored.size(), "every message stored once");
    }

    @Test
    void thirtyTwoClientsSendingIntoChatsThatShareMembersAllSucceedOnce() throws Exception {
        // A corp larger than the chats: members of one chat sit between users of others in id order.
        List<String> users = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            users.add(String.format("u%02d", i));
        }
        api.corp(corp, users.toArray(new String[0]));
        Map<String, List<String>> chats = new java.util.LinkedHashMap<>();
        chats.put("hot", users.stream().filter(u -> Integer.parseInt(u.substring(1)) % 3 == 0).limit(12).toList());
        chats.put("a", users.subList(0, 10));
        chats.put("b", users.subList(6, 18));
        chats.put("c", users.stream().filter(u -> Integer.parseInt(u.substring(1)) % 4 == 1).toList());
        chats.forEach((chat, members) -> api.groupChat(corp, chat, members.get(0),
                members.subList(1, members.size()).toArray(new String[0])));
        Map<String, String> tokens = new java.util.HashMap<>();
        users.forEach(u -> tokens.put(u, api.token(corp, u)));
        Map<String, Long> before = new java.util.HashMap<>();
        users.forEach(u -> before.put(u, api.call("GET", "/v1/events", tokens.get(u), null).is(200).json()
                .getJsonNumber("last").longValue()));

        int clients = 32;
        int each = 5;
        List<String> chatNames = List.copyOf(chats.keySet());
        // Client i sends into "hot" when even, else into a, b or c; always as one of that chat's members.
        List<List<String[]>> sent = race(clients, i -> {
            String chat = i % 2 == 0 ? "hot" : chatNames.get(1 + (i / 2) % 3);
            List<String> members = chats.get(chat);
            List<String[]> mine = new ArrayList<>();
            for (int m = 0; m < each; m++) {
                String sender = members.get((i + m) % members.size());
                String text = "c" + i + "m" + m;
                api.call("POST", "/v1/chats/" + chat + "/messages", tokens.get(sender),
                        "{\"type\":\"text\",\"text\":\"" + text + "\"}").is(201);
                mine.add(new String[] {chat, sender, text});
            }
            return mine;
        });
        List<String[]> all = sent.stream().flatMap(List::stream).toList();
        for (String chat : chatNames) {
            List<String> stored = new ArrayList<>();
            String cursor = "";
            while (true) {
                JsonObject page = api.call("GET", "/v1/chats/" + chat + "/messages?count=100&cursor=" + cursor,
                        tokens.get(chats.get(chat).get(0)), null).is(200).json();
                page.getJsonArray("messageList").forEach(m -> stored.add(m.asJsonObject().getString("text")));
                if (page.getBoolean("isFinished")) {
                    break;
                }
                cursor = page.getString("nextCursor");
            }
            List<String> expected = all.stream().filter(s -> s[0].equals(chat)).map(s -> s[2]).sorted().toList();
            assertEquals(expected, stored.stream().sorted().toList(), "every message into " + chat + " stored once");
        }
        for (String user : users) {
            long events = 0;
            for (String chat : chatNames) {
                if (!chats.get(chat).contains(user)) {
                    continue;
                }
                long into = all.stream().filter(s -> s[0].equals(chat)).count();
                long fromOthers = all.stream().filter(s -> s[0].equals(chat) && !s[1].equals(user)).count();
                events += into;
                assertEquals(fromOthers, api.call("GET", "/v1/conversations/GROUP" + chat, tokens.get(user), null).is(200)
                        .json().getInt("unreadCount"), user + "'s unread count in " + chat);
            }
            List<Long> ids = allEventIds(tokens.get(user));
            assertEquals(LongStream.rangeClosed(1, before.get(user) + events).boxed().toList(), ids,
                    user + ": one event per message into each of their chats, gap-free");
        }
    }

    @Test
    void answersDingTalksChatCallsForTheCallersOwnCorpAndChatsOnly() {
        api.corp(corp, "alice", "bob", "carol");
        api.corp(corp + "x", "alice");
        api.groupChat(corp, "rd", "alice", "bob");
        api.groupChat(corp, "secret", "carol");
        api.admin("POST", "/v1/admin/corps/" + corp + "/chats", "{\"type\":\"C2C\",\"memberIds\":[\"alice\",\"bob\"]}").is(201);
        api.admin("PUT", "/v1/admin/corps/" + corp + "/users/bob", "{\"nick\":\"鲍勃\",\"avatarUrl\":\"https://a/bob.png\"}").is(200);
        String alice = api.token(corp, "alice");
        api.call("DELETE", "/v1/conversations/GROUPrd", alice, null).is(204);

        JsonObject all = api.call("GET", "/v1/corps/" + corp + "/chats", alice, null).is(200).json();
        List<String> cids = all.getJsonArray("chats").stream().map(v -> v.asJsonObject().getString("cid")).toList();
        assertEquals(Set.of("GROUPrd", "C2Cbob"), new HashSet<>(cids), "hidden chats can still be picked; others' cannot");
        assertTrue(all.getBoolean("isFinished"));
        JsonObject found = api.call("GET", "/v1/corps/" + corp + "/chats?query=" + path("鲍"), alice, null).is(200).json();
        JsonObject bob = found.getJsonArray("chats").getJsonObject(0);
        assertEquals("C2Cbob", bob.getString("cid"));
        assertEquals("鲍勃", bob.getString("title"));
        assertEquals(1, found.getJsonArray("chats").size());
        JsonObject paged = api.call("GET", "/v1/corps/" + corp + "/chats?count=1", alice, null).is(200).json();
        assertFalse(paged.getBoolean("isFinished"));
        assertEquals(1, api.call("GET", "/v1/corps/" + corp + "/chats?count=1&cursor=" + paged.getString("nextCursor"),
                alice, null).is(200).json().getJsonArray("chats").size());

        JsonObject resolved = api.call("GET", "/v1/corps/" + corp + "/chats/rd", alice, null).is(200).json();
        assertEquals("rd", resolved.getString("chatId"));
        assertEquals("GROUPrd", resolved.getString("conversationID"));
        assertEquals("rd title", resolved.getString("title"));
        JsonObject info = api.call("GET", "/v1/chats/C2Cbob/info", alice, null).is(200).json();
        assertEquals("鲍勃", info.getString("title"));
        assertEquals(List.of("https://a/bob.png"), info.getJsonArray("avatarIcons").stream().map(Api::str).toList());
        assertEquals(2, info.getInt("memberCount"));

        Api.Reply notMine = api.call("GET", "/v1/corps/" + corp + "/chats/secret", alice, null).isError(404, 40401);
        Api.Reply absent = api.call("GET", "/v1/corps/" + corp + "/chats/absent", alice, null).isError(404, 40401);
        assertEquals(notMine.json().getString("message").replace("secret", "X"),
                absent.json().getString("message").replace("absent", "X"), "not a member answers like not there");
        api.call("GET", "/v1/chats/GROUPsecret/info", alice, null).isError(404, 40401);
        api.call("GET", "/v1/chats/nonsense/info", alice, null).isError(404, 40401);
        api.call("GET", "/v1/corps/" + corp + "x/chats", alice, null).isError(403, 40301);
        api.call("GET", "/v1/corps/" + corp + "x/chats/rd", alice, null).isError(403, 40301);
        api.call("GET", "/v1/corps/" + corp + "/chats?count=0", alice, null).isError(400, 40001);
        api.call("GET", "/v1/corps/" + corp + "/chats?query=" + "q".repeat(65), alice, null).isError(400, 40001);
    }

    @Test
    void pagingHoldsWhileMessagesArriveAndPinsChange() throws Exception {
        int total = 1000;
        api.corp(corp, "alice", "bob");
        for (int i = 0; i < total; i++) {
            api.admin("POST", "/v1/admin/corps/" + corp + "/chats", "{\"type\":\"GROUP\",\"chatId\":\"c" + i
                    + "\",\"ownerId\":\"alice\",\"memberIds\":[\"bob\"]}").is(201);
        }
        String alice = api.token(corp, "alice");
        String bob = api.token(corp, "bob");
        for (int i = 0; i < 30; i++) {
            api.call("PUT", "/v1/conversations/GROUPc" + (i * 31) + "/pin", alice, "{\"isPinned\":true}").is(200);
        }
        Set<String> touched = java.util.concurrent.ConcurrentHashMap.newKeySet();
        java.util.concurrent.atomic.AtomicBoolean paging = new java.util.concurrent.atomic.AtomicBoolean(true);
        // Once the first page is read: unpin what it showed (those move down, into pages still to come),
        // then keep sending messages into random chats (those move up, into pages already read).
        Thread writer = new Thread(() -> {
            for (int i = 0; i < 30 && paging.get(); i++) {
                touched.add("GROUPc" + (i * 31));
                api.call("PUT", "/v1/conversations/GROUPc" + (i * 31) + "/pin", alice, "{\"isPinned\":false}").is(200);
            }
            java.util.Random random = new java.util.Random(7);
            while (paging.get()) {
                int n = random.nextInt(total);
                touched.add("GROUPc" + n);
                api.call("POST", "/v1/chats/c" + n + "/messages", bob, "{\"type\":\"text\",\"text\":\"x\"}").is(201);
            }
        });
        List<String> seen = new ArrayList<>();
        long firstSeq;
        try {
            JsonObject page = api.call("GET", "/v1/conversations?count=37", alice, null).is(200).json();
            firstSeq = page.getJsonNumber("eventSeq").longValue();
            writer.start();
            while (true) {
                page.getJsonArray("conversationList").forEach(c -> seen.add(c.asJsonObject().getString("conversationID")));
                if (page.getBoolean("isFinished")) {
                    break;
                }
                assertEquals(firstSeq, page.getJsonNumber("eventSeq").longValue(), "every page answers as of the first");
                page = api.call("GET", "/v1/conversations?count=37&cursor=" + page.getString("nextCursor"), alice, null)
                        .is(200).json();
            }
        } finally {
            paging.set(false);
            writer.join();
        }
        assertEquals(seen.size(), new HashSet<>(seen).size(), "no conversation twice across the pages");
        assertTrue(touched.size() > 5, "the list changed while it was paged: " + touched.size());
        Set<String> missing = new HashSet<>();
        for (int i = 0; i < total; i++) {
            missing.add("GROUPc" + i);
        }
        missing.removeAll(seen);
        assertTrue(touched.containsAll(missing), "every conversation that did not change was listed: " + missing);
        Set<String> reported = new HashSet<>();
        long after = firstSeq;
        while (true) {
            JsonObject events = api.call("GET", "/v1/events?after=" + after, alice, null).json();
            events.getJsonArray("events").forEach(e -> {
                if (e.asJsonObject().getString("event").equals("CONVERSATION_LIST_UPDATED")) {
                    e.asJsonObject().getJsonArray("data").forEach(c -> reported.add(c.asJsonObject().getString("conversationID")));
                }
            });
            if (events.getJsonArray("events").isEmpty()) {
                break;
            }
            after = events.getJsonArray("events").getJsonObject(events.getJsonArray("events").size() - 1)
                    .getJsonNumber("id").longValue();
        }
        assertTrue(reported.containsAll(missing), "what the pages left out arrives as events after eventSeq");
    }

    @Test
    void nobodyElseSeesOrChangesAConversationAndTheAnswerDoesNotRevealIt() {
        String other = corp + "x";
        api.corp(corp, "alice", "bob", "carol");
        api.corp(other, "alice", "bob");
        api.groupChat(corp, "sales", "alice", "bob");
        api.groupChat(other, "sales", "alice");
        api.call("PUT", "/v1/conversations/GROUPsales/draft", api.token(corp, "alice"), "{\"draftText\":\"mine\"}").is(200);
        api.call("POST", "/v1/chats/sales/messages", api.token(corp, "bob"), "{\"type\":\"text\",\"text\":\"hi\"}").is(201);
        String owner = api.token(corp, "alice");
        String before = api.call("GET", "/v1/conversations/GROUPsales", owner, null).is(200).text();
        long seq = api.call("GET", "/v1/events", owner, null).json().getJsonNumber("last").longValue();

        // carol: same corp, not in the chat; the other corp's alice: same ids, another tenant (her own "sales" aside).
        Map<String, String> outsiders = Map.of("carol", api.token(corp, "carol"), "otherCorpBob", api.token(other, "bob"));
        String[][] routes = {
            {"GET", "/v1/conversations/%s", null},
            {"PUT", "/v1/conversations/%s/pin", "{\"isPinned\":true}"},
            {"PUT", "/v1/conversations/%s/draft", "{\"draftText\":\"theirs\"}"},
            {"PUT", "/v1/conversations/%s/custom-data", "{\"customData\":\"theirs\"}"},
            {"POST", "/v1/conversations/%s/read", null},
            {"DELETE", "/v1/conversations/%s", null},
            {"GET", "/v1/chats/%s/info", null},
        };
        String[][] chatRoutes = {
            {"POST", "/v1/chats/%s/messages", "{\"type\":\"text\",\"text\":\"intrusion\"}"},
            {"GET", "/v1/chats/%s/messages", null},
            {"GET", "/v1/corps/" + corp + "/chats/%s", null},
        };
        for (Map.Entry<String, String> outsider : outsiders.entrySet()) {
            for (String[] route : routes) {
                Api.Reply existing = api.call(route[0], String.format(route[1], "GROUPsales"), outsider.getValue(), route[2]);
                Api.Reply absent = api.call(route[0], String.format(route[1], "GROUPabsent"), outsider.getValue(), route[2]);
                assertSameRefusal(outsider.getKey() + " " + route[0] + " " + route[1], existing, absent, "sales", "absent");
            }
            for (String[] route : chatRoutes) {
                Api.Reply existing = api.call(route[0], String.format(route[1], "sales"), outsider.getValue(), route[2]);
                Api.Reply absent = api.call(route[0], String.format(route[1], "absent"), outsider.getValue(), route[2]);
                assertSameRefusal(outsider.getKey() + " " + route[0] + " " + route[1], existing, absent, "sales", "absent");
            }
            JsonObject grouped = api.call("POST", "/v1/conversation-groups", outsider.getValue(),
                    "{\"groupName\":\"G\",\"conversationIDList\":[\"GROUPsales\",\"GROUPabsent\"]}").is(201).json();
            if (outsider.getKey().equals("carol")) {
                assertEquals(2, grouped.getJsonArray("failureConversationIDList").size());
                assertEquals(40401, grouped.getJsonArray("failureConversationIDList").getJsonObject(0).getInt("code"));
            }
        }
        assertEquals(before, api.call("GET", "/v1/conversations/GROUPsales", owner, null).is(200).text(),
                "the owner's conversation is exactly as it was");
        assertEquals(seq, api.call("GET", "/v1/events", owner, null).json().getJsonNumber("last").longValue(),
                "and nothing was recorded for them");
        assertEquals(1, api.call("GET", "/v1/chats/sales/messages", owner, null).json().getJsonArray("messageList").size());
        // The other corp's alice has her own "sales": same ids, another tenant's data.
        JsonObject theirs = api.call("GET", "/v1/conversations/GROUPsales", api.token(other, "alice"), null).is(200).json();
        assertEquals("", theirs.getString("draftText"));
        assertEquals(JsonValue.NULL, theirs.get("lastMessage"));
    }

    /** Every event id of the user, read 500 at a time as the contract pages them. */
    private List<Long> allEventIds(String token) {
        List<Long> ids = new ArrayList<>();
        while (true) {
            JsonObject page = api.call("GET", "/v1/events?after=" + (ids.isEmpty() ? 0 : ids.get(ids.size() - 1)), token,
                    null).is(200).json();
            if (page.getJsonArray("events").isEmpty()) {
                return ids;
            }
            page.getJsonArray("events").forEach(e -> ids.add(e.asJsonObject().getJsonNumber("id").longValue()));
        }
    }

    private static void assertSameRefusal(String what, Api.Reply existing, Api.Reply absent, String id, String absentId) {
        // 404/40401 everywhere, but 403/40301 where the path names a corp that is not the caller's own.
        assertTrue(existing.status() == 404 || (existing.status() == 403 && existing.json().getInt("code") == 40301),
                what + ": " + existing.text());
        assertEquals(absent.status(), existing.status(), what);
        assertEquals(absent.json().getInt("code"), existing.json().getInt("code"), what);
        assertEquals(absent.json().getString("message").replace(absentId, "ID"),
                existing.json().getString("message").replace(id, "ID"), what + ": the message reveals nothing either");
    }

    @Test
    void aMemberRemovedAndAddedBackStartsAfreshAndLeavesTheirGroups() {
        api.corp(corp, "alice", "bob");
        api.groupChat(corp, "sales", "alice", "bob");
        String bob = api.token(corp, "bob");
        String alice = api.token(corp, "alice");
        api.call("POST", "/v1/conversation-groups", bob, "{\"groupName\":\"Work\",\"conversationIDList\":[\"GROUPsales\"]}").is(201);
        api.call("POST", "/v1/chats/sales/messages", alice, "{\"type\":\"text\",\"text\":\"1\"}").is(201);
        api.call("POST", "/v1/chats/sales/messages", alice, "{\"type\":\"text\",\"text\":\"2\"}").is(201);
        long aliceBefore = api.call("GET", "/v1/events", alice, null).json().getJsonNumber("last").longValue();
        api.admin("DELETE", "/v1/admin/corps/" + corp + "/chats/sales/members/bob", null).is(204);
        JsonObject told = api.call("GET", "/v1/events?after=" + aliceBefore, alice, null).json();
        assertEquals(1, told.getJsonArray("events").size(), "the other member learns the chat got smaller");
        assertEquals(1, told.getJsonArray("events").getJsonObject(0).getJsonArray("data").getJsonObject(0)
                .getInt("memberCount"));
        api.call("GET", "/v1/conversations/GROUPsales", bob, null).isError(404, 40401);
        api.call("GET", "/v1/chats/sales/messages", bob, null).isError(404, 40401);
        assertEquals(0, api.call("GET", "/v1/conversation-groups", bob, null).json().getJsonArray("groupList")
                .getJsonObject(0).getInt("conversationCount"));
        assertTrue(api.call("GET", "/v1/conversations", bob, null).json().getJsonArray("conversationList").isEmpty());
        assertEquals(1, api.call("GET", "/v1/conversations/GROUPsales", alice, null).json().getInt("memberCount"));
        api.admin("PUT", "/v1/admin/corps/" + corp + "/chats/sales/members/bob", null).is(204);
        api.admin("PUT", "/v1/admin/corps/" + corp + "/chats/sales/members/bob", null).is(204);
        JsonObject grown = api.call("GET", "/v1/events?after=" + (aliceBefore + 1), alice, null).json();
        assertEquals(1, grown.getJsonArray("events").size(), "one event when bob came back, none for adding him twice");
        assertEquals(2, grown.getJsonArray("events").getJsonObject(0).getJsonArray("data").getJsonObject(0)
                .getInt("memberCount"));
        JsonObject back = api.call("GET", "/v1/conversations/GROUPsales", bob, null).is(200).json();
        assertEquals(0, back.getInt("unreadCount"), "added back without old unread counts");
        assertEquals(List.of(), back.getJsonArray("groupList"));
        assertEquals(2, back.getInt("memberCount"));
    }

    @Test
    void healthSaysTheStoreAnswers() {
        assertEquals("UP", api.call("GET", "/health", null, null).is(200).json().getString("status"));
    }

    @Test
    void aPickedChatsCidPostsExactlyOneMessageEvenWhenTheBackendRacesWithIt() throws Exception {
        api.corp(corp, "alice", "bob", "carol");
        api.groupChat(corp, "deals", "alice", "bob");
        String alice = api.token(corp, "alice");
        JsonObject picked = api.call("POST", "/v1/corps/" + corp + "/chats/deals/pick", alice, "{}").is(201).json();
        String cid = picked.getString("cid");
        assertEquals("deals", picked.getString("chatId"));
        assertEquals("GROUPdeals", picked.getString("conversationID"));
        assertTrue(cid.matches("cid[A-Za-z0-9_-]{22}"), cid);
        assertEquals(40301, api.call("POST", "/v1/corps/other/chats/deals/pick", alice, "{}").is(403).json()
                .getInt("code"));
        assertEquals(40401, api.call("POST", "/v1/corps/" + corp + "/chats/deals/pick", api.token(corp, "carol"), "{}")
                .is(404).json().getInt("code"));
        // getConversationInfo takes the picked cid too (echoed back), without using it up.
        JsonObject info = api.call("GET", "/v1/chats/" + cid + "/info", alice, null).is(200).json();
        assertEquals(cid, info.getString("cid"));
        assertEquals(2, info.getInt("memberCount"));
        assertEquals(40401, api.call("GET", "/v1/chats/" + cid + "/info", api.token(corp, "bob"), null).is(404).json()
                .getInt("code"));
        // The backend's malformed message changes nothing and leaves the cid usable.
        String path = "/v1/admin/corps/" + corp + "/picked-chats/" + cid + "/messages";
        assertEquals(40001, api.admin("POST", path, "{\"type\":\"video\"}").is(400).json().getInt("code"));
        assertEquals(401, api.call("POST", path, alice, "{\"type\":\"text\",\"text\":\"x\"}").status());

        List<Integer> statuses = race(12, n -> api.admin("POST", path,
                "{\"type\":\"text\",\"text\":\"shared " + n + "\"}").status());
        assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
        assertEquals(11, statuses.stream().filter(s -> s == 404).count(), statuses.toString());
        JsonObject history = api.call("GET", "/v1/chats/deals/messages", api.token(corp, "bob"), null).is(200).json();
        assertEquals(1, history.getJsonArray("messageList").size());
        assertEquals("alice", history.getJsonArray("messageList").getJsonObject(0).getString("senderId"));
        JsonObject bobs = api.call("GET", "/v1/conversations/GROUPdeals", api.token(corp, "bob"), null).is(200).json();
        assertEquals(1, bobs.getInt("unreadCount"));
        assertTrue(bobs.getJsonNumber("activityAt").longValue() > 0, "the list's order is readable: activityAt");
    }

    @Test
    void aWriteSentAgainUnderItsIdempotencyKeyRunsOnceEvenWhenTheCopiesRace() throws Exception {
        api.corp(corp, "alice", "bob");
        api.groupChat(corp, "deals", "alice", "bob");
        String alice = api.token(corp, "alice");
        String bob = api.token(corp, "bob");
        Map<String, String> key = Map.of("Idempotency-Key", "send-1");
        String message = "{\"type\":\"text\",\"text\":\"once\"}";
        List<Api.Reply> replies = race(10, n -> api.call("POST", "/v1/chats/deals/messages", alice, message, key));
        assertTrue(replies.stream().allMatch(r -> r.status() == 201), replies.toString());
        assertEquals(1, replies.stream().map(r -> r.json().get("messageId").toString()).distinct().count(),
                "every copy answered with the one message");
        JsonObject history = api.call("GET", "/v1/chats/deals/messages", bob, null).is(200).json();
        assertEquals(1, history.getJsonArray("messageList").size(), "stored once");
        assertEquals(1, api.call("GET", "/v1/conversations/GROUPdeals", bob, null).is(200).json().getInt("unreadCount"));

        // The same key with another body is refused; another caller's same key is their own.
        assertEquals(40902, api.call("POST", "/v1/chats/deals/messages", alice,
                "{\"type\":\"text\",\"text\":\"twice\"}", key).is(409).json().getInt("code"));
        api.call("POST", "/v1/chats/deals/messages", bob, message, key).is(201);
        // A refusal is an answer too: given again, and it still changed nothing.
        Map<String, String> groupKey = Map.of("Idempotency-Key", "rename-1");
        Api.Reply first = api.call("PATCH", "/v1/conversation-groups/nope", alice, "{\"newName\":\"x\"}", groupKey);
        Api.Reply again = api.call("PATCH", "/v1/conversation-groups/nope", alice, "{\"newName\":\"x\"}", groupKey);
        assertEquals(404, first.status());
        assertEquals(first.text(), again.text());
        // A malformed key is refused before anything runs.
        assertEquals(40001, api.call("POST", "/v1/conversation-groups", alice, "{\"groupName\":\"G\"}",
                Map.of("Idempotency-Key", "has spaces")).is(400).json().getInt("code"));
        assertEquals("{\"groupList\":[]}", api.call("GET", "/v1/conversation-groups", alice, null).is(200).text());
    }

    private static <T> List<T> race(int workers, java.util.function.IntFunction<T> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        try {
            CountDownLatch gate = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < workers; i++) {
                int n = i;
                Callable<T> task = () -> {
                    gate.await();
                    return work.apply(n);
                };
                futures.add(pool.submit(task));
            }
            gate.countDown();
            List<T> out = new ArrayList<>();
            for (Future<T> f : futures) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }
}
