package io.conversations.application.port.in;

import io.conversations.domain.common.Outcome;
import io.conversations.domain.conversation.MarkChange;
import io.conversations.domain.identity.UserRef;
import java.util.List;

/** Sets or clears one mark on several of the user's conversations (Tencent markConversation); partial results. */
public interface MarkConversations {
    Outcome<MarkChange.Result> mark(UserRef user, List<String> conversationIds, MarkChange change);
}
