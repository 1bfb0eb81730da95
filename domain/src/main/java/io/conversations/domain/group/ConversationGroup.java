package io.conversations.domain.group;

import io.conversations.domain.conversation.ConversationId;
import java.util.List;
import java.util.Objects;

/** A named group (a folder) of one user's conversations, in the order they were added. */
public record ConversationGroup(GroupName name, List<ConversationId> conversations) {
    public ConversationGroup {
        Objects.requireNonNull(name, "name");
        conversations = List.copyOf(conversations);
    }

    public boolean contains(ConversationId id) {
        return conversations.contains(id);
    }
}
