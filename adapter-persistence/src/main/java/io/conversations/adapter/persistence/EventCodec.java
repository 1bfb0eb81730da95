package io.conversations.adapter.persistence;

import io.conversations.domain.chat.ChatId;
import io.conversations.domain.chat.Message;
import io.conversations.domain.chat.MessageContent;
import io.conversations.domain.chat.MessageType;
import io.conversations.domain.conversation.Conversation;
import io.conversations.domain.conversation.ConversationId;
import io.conversations.domain.conversation.Marks;
import io.conversations.domain.conversation.RemindType;
import io.conversations.domain.event.ConversationEvent.ConversationDeleted;
import io.conversations.domain.event.ConversationEvent.ConversationListUpdated;
import io.conversations.domain.event.ConversationEvent.GroupListUpdated;
import io.conversations.domain.event.ConversationEvent.GroupRenamed;
import io.conversations.domain.event.ConversationEvent.InGroupUpdated;
import io.conversations.domain.event.ConversationEvent;
import io.conversations.domain.identity.GroupName;
import io.conversations.domain.identity.UserId;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.util.List;
import java.util.Optional;

/**
 * How an event's data is kept in the {@code events.data} column: JSON. Conversations are snapshotted when they
 * changed; group events keep only names and ids, so no stored event grows with a group or the list.
 */
final class EventCodec {
    /** Looked up once: {@code Json.create...} looks the provider up (a service-loader scan) on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    private EventCodec() {}

    static String encode(ConversationEvent event) {
        if (event instanceof ConversationListUpdated e) {
            return JSON.createObjectBuilder().add("conversations", conversations(e.conversations())).build().toString();
        }
        if (event instanceof GroupListUpdated e) {
            return JSON.createObjectBuilder().add("groupNames", names(e.groupNames())).build().toString();
        }
        if (event instanceof ConversationDeleted e) {
            return JSON.createObjectBuilder().add("conversationIds", ids(e.conversationIds())).build().toString();
        }
        if (event instanceof GroupRenamed e) {
            return JSON.createObjectBuilder().add("oldName", e.oldName().value()).add("newName", e.newName().value())
                    .build().toString();
        }
        if (event instanceof InGroupUpdated e) {
            return JSON.createObjectBuilder().add("groupName", e.groupName().value()).add("added", ids(e.added()))
                    .add("removed", ids(e.removed())).build().toString();
        }
        throw new IllegalArgumentException("no stored form for " + event.type());
    }

    static ConversationEvent decode(String type, String data) {
        JsonObject json;
        try (JsonReader reader = JSON.createReader(new StringReader(data))) {
            json = reader.readObject();
        }
        return switch (type) {
            case "CONVERSATION_LIST_UPDATED" -> new ConversationListUpdated(conversations(json.getJsonArray("conversations")));
            case "CONVERSATION_GROUP_LIST_UPDATED" -> new GroupListUpdated(names(json.getJsonArray("groupNames")));
            case "CONVERSATION_GROUP_RENAMED" -> new GroupRenamed(new GroupName(json.getString("oldName")),
                    new GroupName(json.getString("newName")));
            case "CONVERSATION_IN_GROUP_UPDATED" -> new InGroupUpdated(new GroupName(json.getString("groupName")),
                    ids(json.getJsonArray("added")), ids(json.getJsonArray("removed")));
            case "CONVERSATION_DELETED" -> new ConversationDeleted(ids(json.getJsonArray("conversationIds")));
            default -> throw new IllegalStateException("unknown event type in the log: " + type);
        };
    }

    private static JsonArrayBuilder conversations(List<Conversation> list) {
        JsonArrayBuilder array = JSON.createArrayBuilder();
        for (Conversation c : list) {
            JsonArrayBuilder avatars = JSON.createArrayBuilder();
            c.avatarIcons().forEach(avatars::add);
            JsonArrayBuilder marks = JSON.createArrayBuilder();
            c.marks().values().forEach(marks::add);
            JsonObjectBuilder last = JSON.createObjectBuilder();
            c.lastMessage().ifPresent(m -> {
                JsonArrayBuilder images = JSON.createArrayBuilder();
                m.content().images().forEach(images::add);
                last.add("id", m.id()).add("chatId", m.chat().value()).add("senderId", m.sender().value())
                        .add("type", m.content().type().name()).add("text", m.content().text()).add("images", images)
                        .add("linkUrl", m.content().linkUrl()).add("linkTitle", m.content().linkTitle())
                        .add("sentAt", m.sentAt());
            });
            array.add(JSON.createObjectBuilder()
                    .add("id", c.id().toString())
                    .add("chatId", c.chatId().value())
                    .add("title", c.title())
                    .add("avatarIcons", avatars)
                    .add("memberCount", c.memberCount())
                    .add("unreadCount", c.unreadCount())
                    .add("lastMessage", c.lastMessage().isPresent() ? last.build() : JsonValue.NULL)
                    .add("pinned", c.pinned())
                    .add("groups", names(c.groups()))
                    .add("draftText", c.draftText())
                    .add("customData", c.customData())
                    .add("hidden", c.hidden())
                    .add("activityAt", c.activityAt())
                    .add("updatedAt", c.updatedAt())
                    .add("marks", marks)
                    .add("remindType", c.remindType().wireName()));
        }
        return array;
    }

    private static List<Conversation> conversations(JsonArray array) {
        return array.getValuesAs(JsonObject.class).stream().map(o -> new Conversation(
                ConversationId.parse(o.getString("id")), new ChatId(o.getString("chatId")), o.getString("title"),
                strings(o.getJsonArray("avatarIcons")), o.getInt("memberCount"), o.getInt("unreadCount"),
                message(o.get("lastMessage")), o.getBoolean("pinned"), names(o.getJsonArray("groups")), o.getString("draftText"),
                o.getString("customData"), o.getBoolean("hidden", false), o.getJsonNumber("activityAt").longValue(),
                o.getJsonNumber("updatedAt").longValue(), marks(o.getJsonArray("marks")),
                RemindType.parse(o.getString("remindType", RemindType.ACCEPT_AND_NOTIFY.wireName())))).toList();
    }

    /** Events recorded before marks existed (issue #25) have none. */
    private static Marks marks(JsonArray array) {
        return array == null ? Marks.NONE
                : new Marks(array.getValuesAs(JsonNumber.class).stream().map(JsonNumber::longValue).toList());
    }

    private static Optional<Message> message(JsonValue value) {
        if (value == null || value == JsonValue.NULL) {
            return Optional.empty();
        }
        JsonObject m = value.asJsonObject();
        MessageContent content = new MessageContent(MessageType.valueOf(m.getString("type")), m.getString("text"),
                strings(m.getJsonArray("images")), m.getString("linkUrl"), m.getString("linkTitle"));
        return Optional.of(new Message(m.getJsonNumber("id").longValue(), new ChatId(m.getString("chatId")),
                new UserId(m.getString("senderId")), content, m.getJsonNumber("sentAt").longValue()));
    }

    private static JsonArrayBuilder ids(List<ConversationId> ids) {
        JsonArrayBuilder array = JSON.createArrayBuilder();
        ids.forEach(id -> array.add(id.toString()));
        return array;
    }

    private static List<ConversationId> ids(JsonArray array) {
        return strings(array).stream().map(ConversationId::parse).toList();
    }

    private static JsonArrayBuilder names(List<GroupName> names) {
        JsonArrayBuilder array = JSON.createArrayBuilder();
        names.forEach(n -> array.add(n.value()));
        return array;
    }

    private static List<GroupName> names(JsonArray array) {
        return strings(array).stream().map(GroupName::new).toList();
    }

    private static List<String> strings(JsonArray array) {
        return array.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }
}
