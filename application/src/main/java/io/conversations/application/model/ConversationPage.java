package io.conversations.application.model;

import io.conversations.domain.chat.ChatId;
import io.conversations.domain.conversation.Conversation;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One page of a user's conversation list and the event sequence number it reflects. A first page also names the
 * big chats the user is in ({@code bigChats}): it shows what their last change left, which the user's sequence
 * alone does not say (their event of it may be recorded later).
 */
public record ConversationPage(List<Conversation> conversations, Optional<ListPosition> next, long eventSeq,
                               Set<ChatId> bigChats) {
    public ConversationPage {
        conversations = List.copyOf(conversations);
        bigChats = Set.copyOf(bigChats);
    }

    public ConversationPage(List<Conversation> conversations, Optional<ListPosition> next, long eventSeq) {
        this(conversations, next, eventSeq, Set.of());
    }

    public boolean finished() {
        return next.isEmpty();
    }
}
