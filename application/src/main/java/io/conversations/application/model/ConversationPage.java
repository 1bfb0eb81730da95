package io.conversations.application.model;

import io.conversations.application.model.ListPosition;
import io.conversations.domain.conversation.Conversation;
import java.util.List;
import java.util.Optional;

/** One page of a user's conversation list and the event sequence number it reflects. */
public record ConversationPage(List<Conversation> conversations, Optional<ListPosition> next, long eventSeq) {
    public boolean finished() {
        return next.isEmpty();
    }
}
