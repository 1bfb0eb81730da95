package io.conversations.adapter.http.dto;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;

/** The answers of DingTalk's chat calls: the picker's list, a resolved chat, a chat's info. */
public final class ChatBodies {
    private ChatBodies() {}

    @JsonbPropertyOrder({"cid", "chatId", "title"})
    public record Pickable(String cid, String chatId, String title) {}

    @JsonbPropertyOrder({"chats", "nextCursor", "isFinished"})
    public record PickableList(List<Pickable> chats, String nextCursor, boolean isFinished) {}

    @JsonbPropertyOrder({"chatId", "conversationID", "title"})
    public record Resolved(String chatId, @jakarta.json.bind.annotation.JsonbProperty("conversationID") String conversationID,
                           String title) {}

    @JsonbPropertyOrder({"cid", "title", "avatarIcons", "memberCount"})
    public record Info(String cid, String title, List<String> avatarIcons, int memberCount) {}

    /** A pick: {@code cid} is one-time, for the corp's backend; the rest describes the chat. */
    @JsonbPropertyOrder({"cid", "chatId", "conversationID", "title"})
    public record Picked(String cid, String chatId, @JsonbProperty("conversationID") String conversationID,
                         String title) {}
}
