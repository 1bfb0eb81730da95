package io.conversations.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * What a client knows from the events alone: it starts empty and applies each event as API.md
 * describes it. After the log is applied, it must equal what the API answers.
 */
final class ReplayModel {
    private final Map<String, JsonObject> conversations = new TreeMap<>();
    private List<String> groupNames = List.of();

    void apply(JsonObject event) {
        JsonValue data = event.get("data");
        switch (event.getString("event")) {
            case "CONVERSATION_LIST_UPDATED" -> data.asJsonArray().getValuesAs(JsonValue::asJsonObject)
                    .forEach(c -> conversations.put(c.getString("conversationID"), c));
            case "CONVERSATION_IN_GROUP_UPDATED" -> data.asJsonObject().getJsonArray("conversationList")
                    .getValuesAs(JsonValue::asJsonObject).forEach(c -> conversations.put(c.getString("conversationID"), c));
            case "CONVERSATION_GROUP_LIST_UPDATED" -> groupNames = data.asJsonArray().stream().map(Api::str).toList();
            case "CONVERSATION_DELETED" -> data.asJsonObject().getJsonArray("conversationIDList").stream().map(Api::str)
                    .forEach(conversations::remove);
            default -> throw new AssertionError("an event no client expects here: " + event);
        }
    }

    /** The list, every conversation one by one, the groups and their badges, and each group's list. */
    void assertMatches(Api api, String token, String who) {
        Predicate<JsonObject> listed = c -> !c.getBoolean("isHidden");
        assertEquals(shown(listed), fetchAll(api, token, ""), who + "'s list");
        conversations.forEach((id, expected) -> assertEquals(expected,
                api.call("GET", "/v1/conversations/" + id, token, null).is(200).json(), who + "'s " + id));

        JsonObject groups = api.call("GET", "/v1/conversation-groups", token, null).is(200).json();
        List<JsonObject> summaries = groups.getJsonArray("groupList").getValuesAs(JsonValue::asJsonObject);
        assertEquals(groupNames, summaries.stream().map(g -> g.getString("groupName")).toList(), who + "'s groups");
        for (JsonObject summary : summaries) {
            String name = summary.getString("groupName");
            Predicate<JsonObject> inGroup = c -> c.getJsonArray("groupList").stream().map(Api::str).anyMatch(name::equals);
            Map<String, JsonObject> members = shown(inGroup);
            assertEquals(members.size(), summary.getInt("conversationCount"), who + "'s count of " + name);
            assertEquals(members.values().stream().mapToInt(c -> c.getInt("unreadCount")).sum(),
                    summary.getInt("unreadCount"), who + "'s badge of " + name);
            assertEquals(shown(inGroup.and(listed)), fetchAll(api, token,
                    "&groupName=" + URLEncoder.encode(name, StandardCharsets.UTF_8)), who + "'s list of " + name);
        }
    }

    private Map<String, JsonObject> shown(Predicate<JsonObject> which) {
        Map<String, JsonObject> out = new TreeMap<>();
        conversations.forEach((id, c) -> {
            if (which.test(c)) {
                out.put(id, c);
            }
        });
        return out;
    }

    private static Map<String, JsonObject> fetchAll(Api api, String token, String filter) {
        Map<String, JsonObject> out = new LinkedHashMap<>();
        String cursor = "";
        List<String> order = new ArrayList<>();
        while (true) {
            JsonObject page = api.call("GET", "/v1/conversations?count=7" + filter + cursor, token, null).is(200).json();
            for (JsonObject c : page.getJsonArray("conversationList").getValuesAs(JsonValue::asJsonObject)) {
                order.add(c.getString("conversationID"));
                out.put(c.getString("conversationID"), c);
            }
            if (page.getBoolean("isFinished")) {
                assertEquals(order.size(), out.size(), "no conversation twice: " + order);
                return new TreeMap<>(out);
            }
            cursor = "&cursor=" + page.getString("nextCursor");
        }
    }
}
