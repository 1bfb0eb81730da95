package io.conversations.application.port.in;

import io.conversations.domain.common.Outcome;
import io.conversations.domain.conversation.Conversation;
import io.conversations.domain.conversation.ConversationChange;
import io.conversations.domain.conversation.ConversationId;
import io.conversations.domain.identity.UserRef;

/**
 * Pins, drafts, custom data, mark-read, hide, the remind type and a clear of its history: the user's own state of one
 * conversation (40401 if not theirs).
 */
public interface ChangeConversation {
    Outcome<Conversation> change(UserRef user, ConversationId id, ConversationChange change);
}
