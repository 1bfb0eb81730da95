package io.conversations.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
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
 * What a client knows from the list and the events alone: it starts empty (or from the list as of an
 * {@code eventSeq}) and applies each later event as API.md describes it. It must then equal what the API answers.
 */
final class ReplayModel {
    private final Map<String, JsonObject> conversations = new TreeMap<>();
    private List<String> groupNames = List.of();

    /** An empty model: the client applies the whole log. */
    ReplayModel() {}

    /** The model of a client that loaded every page of the list (hidden ones included) and the groups. */
    static ReplayModel loaded(List<JsonObject> listed, List<String> groupNames) {
        ReplayModel model = new ReplayModel();
        listed.forEach(c -> model.conversations.put(c.getString("conversationID"), c));
        model.groupNames = List.copyOf(groupNames);
        return model;
    }

    void apply(JsonObject event) {
        JsonValue data = event.get("data");
        switch (event.getString("event")) {
            case "CONVERSATION_LIST_UPDATED" -> data.asJsonArray().getValuesAs(JsonValue::asJsonObject)
                    .forEach(c -> conversations.put(c.getString("conversationID"), c));
            case "CONVERSATION_GROUP_LIST_UPDATED" -> {
                groupNames = data.asJsonArray().stream().map(Api::str).toList();
                // A group missing from the list is gone, and leaves every conversation's groupList.
                conversations.replaceAll((id, c) -> withGroups(c, groupsOf(c).stream().filter(groupNames::contains).toList()));
            }
            case "CONVERSATION_GROUP_RENAMED" -> {
                String from = data.asJsonObject().getString("oldName");
                String to = data.asJsonObject().getString("newName");
                conversations.replaceAll((id, c) -> withGroups(c, groupsOf(c).stream().map(g -> g.equals(from) ? to : g)
                        .toList()));
            }
            case "CONVERSATION_IN_GROUP_UPDATED" -> {
                JsonObject change = data.asJsonObject();
                String group = change.getString("groupName");
                change.getJsonArray("addedConversationIDList").stream().map(Api::str).forEach(id -> conversations
                        .computeIfPresent(id, (k, c) -> withGroups(c, inOrder(groupsOf(c), group))));
                change.getJsonArray("removedConversationIDList").stream().map(Api::str).forEach(id -> conversations
                        .computeIfPresent(id, (k, c) -> withGroups(c, groupsOf(c).stream().filter(g -> !g.equals(group))
                                .toList())));
            }
            case "CONVERSATION_DELETED" -> data.asJsonObject().getJsonArray("conversationIDList").stream().map(Api::str)
                    .forEach(conversations::remove);
            default -> throw new AssertionError("an event no client expects here: " + event);
        }
    }

    /** The ids of the conversations the model holds, and of those in at least one group. */
    Map<String, Boolean> groupedById() {
        Map<String, Boolean> out = new TreeMap<>();
        conversations.forEach((id, c) -> out.put(id, !groupsOf(c).isEmpty()));
        return out;
    }

    private static List<String> groupsOf(JsonObject conversation) {
        return conversation.getJsonArray("groupList").stream().map(Api::str).toList();
    }

    /** The conversation's groups with {@code added}, in the order of the user's groups (creation order). */
    private List<String> inOrder(List<String> groups, String added) {
        return groupNames.stream().filter(g -> g.equals(added) || groups.contains(g)).toList();
    }

    private static JsonObject withGroups(JsonObject conversation, List<String> groups) {
        JsonArrayBuilder list = Json.createArrayBuilder();
        groups.forEach(list::add);
        return Json.createObjectBuilder(conversation).add("groupList", list).build();
    }

    /** The list, every conversation one by one, the groups and their badges, and each group's list. */
    void assertMatches(Api api, String token, String who) {
        Predicate<JsonObject> listed = c -> !c.getBoolean("isHidden");
        assertEquals(shown(listed), fetchAll(api, token, ""), who + "'s list");
        conversations.forEach((id, expected) -> assertEquals(expected,
                api.call("GET", "/v1/conversations/" + id, token, null).is(200).json(), who + "'s " + id));

        assertEquals(counted(conversations.values()), api.call("GET", "/v1/conversations/unread-total", token, null)
                .is(200).json().getJsonNumber("totalUnreadCount").longValue(), who + "'s total unread");
        JsonObject groups = api.call("GET", "/v1/conversation-groups", token, null).is(200).json();
        List<JsonObject> summaries = groups.getJsonArray("groupList").getValuesAs(JsonValue::asJsonObject);
        assertEquals(groupNames, summaries.stream().map(g -> g.getString("groupName")).toList(), who + "'s groups");
        for (JsonObject summary : summaries) {
            String name = summary.getString("groupName");
            Predicate<JsonObject> inGroup = c -> c.getJsonArray("groupList").stream().map(Api::str).anyMatch(name::equals);
            Map<String, JsonObject> members = shown(inGroup);
            assertEquals(members.size(), summary.getInt("conversationCount"), who + "'s count of " + name);
            assertEquals(counted(members.values()), summary.getInt("unreadCount"), who + "'s badge of " + name);
            assertEquals(shown(inGroup.and(listed)), fetchAll(api, token,
                    "&groupName=" + URLEncoder.encode(name, StandardCharsets.UTF_8)), who + "'s list of " + name);
        }
    }

    /** What a total or a badge counts: the unread of the conversations listed, do-not-disturb ones left out. */
    private static long counted(java.util.Collection<JsonObject> conversations) {
        return conversations.stream().filter(c -> !c.getBoolean("isHidden"))
                .filter(c -> !c.getString("messageRemindType").equals("AcceptNotNotify"))
                .mapToLong(c -> c.getInt("unreadCount")).sum();
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
