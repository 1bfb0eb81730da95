package io.conversations.adapter.http.dto;

import io.conversations.domain.conversation.Conversation;
import io.conversations.domain.identity.GroupName;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;

/**
 * A conversation as API.md shows it; {@code lastMessage} is null until the chat has one. Two additions to the
 * contract's shape: {@code isHidden} tells an event's reader that the conversation left the list, and
 * {@code activityAt} is the time the list is ordered by (after pinning), so a client can keep its own copy in
 * the server's order.
 */
@JsonbPropertyOrder({"conversationID", "type", "chatId", "title", "avatarIcons", "memberCount", "unreadCount",
        "lastMessage", "isPinned", "groupList", "draftText", "customData", "markList", "messageRemindType", "isHidden",
        "activityAt", "updatedAt"})
public record ConversationBody(
        @JsonbProperty("conversationID") String conversationID,
        String type,
        String chatId,
        String title,
        List<String> avatarIcons,
        int memberCount,
        int unreadCount,
        MessageBody lastMessage,
        @JsonbProperty("isPinned") boolean isPinned,
        List<String> groupList,
        String draftText,
        String customData,
        List<Long> markList,
        String messageRemindType,
        @JsonbProperty("isHidden") boolean isHidden,
        long activityAt,
        long updatedAt) {

    public static ConversationBody from(Conversation c) {
        return new ConversationBody(c.id().toString(), c.id().type().name(), c.chatId().value(), c.title(),
                c.avatarIcons(), c.memberCount(), c.unreadCount(), c.lastMessage().map(MessageBody::from).orElse(null),
                c.pinned(),
                c.groups().stream().map(GroupName::value).toList(), c.draftText(), c.customData(), c.marks().values(),
                c.remindType().wireName(), c.hidden(),
                c.activityAt(), c.updatedAt());
    }

    public static List<ConversationBody> from(List<Conversation> list) {
        return list.stream().map(ConversationBody::from).toList();
    }

    // Yasson keeps each object it writes in a hash set (to catch cycles): a record's own hashCode would hash
    // the whole tree below it again at every level, the largest cost of writing a page. Identity is enough.
    @Override
    public boolean equals(Object other) {
        return this == other;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
