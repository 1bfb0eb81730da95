package io.conversations.application.port.in;

import io.conversations.domain.common.Outcome;
import io.conversations.domain.conversation.Conversation;
import io.conversations.domain.conversation.ConversationId;
import io.conversations.domain.identity.UserRef;

/** One of the user's conversations; any other id answers 40401. */
public interface GetConversation {
    Outcome<Conversation> get(UserRef user, ConversationId id);
}
