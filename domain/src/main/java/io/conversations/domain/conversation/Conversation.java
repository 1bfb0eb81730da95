package io.conversations.domain.conversation;

import io.conversations.domain.chat.ChatId;
import io.conversations.domain.chat.Message;
import io.conversations.domain.identity.GroupName;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One user's view of a chat they are in: what their conversation list shows for it. The title and
 * avatars of a one-to-one chat are the peer's. A hidden conversation is off the list until new activity.
 */
public record Conversation(ConversationId id, ChatId chatId, String title, List<String> avatarIcons,
                           int memberCount, int unreadCount, Optional<Message> lastMessage, boolean pinned,
                           List<GroupName> groups, String draftText, String customData, boolean hidden, long activityAt,
                           long updatedAt, Marks marks, RemindType remindType) {
    public Conversation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(marks, "marks");
        Objects.requireNonNull(remindType, "remindType");
        Objects.requireNonNull(lastMessage, "lastMessage");
        Objects.requireNonNull(chatId, "chatId");
        avatarIcons = List.copyOf(avatarIcons);
        groups = List.copyOf(groups);
        draftText = draftText == null ? "" : draftText;
        customData = customData == null ? "" : customData;
        title = title == null ? "" : title;
    }
}
