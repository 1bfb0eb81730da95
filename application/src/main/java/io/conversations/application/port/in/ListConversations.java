package io.conversations.application.port.in;

import io.conversations.application.model.ConversationPage;
import io.conversations.application.model.ConversationQuery;
import io.conversations.domain.common.Outcome;
import io.conversations.domain.identity.UserRef;

/** A page of the user's conversation list, optionally one group's or one type's (Tencent getConversationList). */
public interface ListConversations {
    Outcome<ConversationPage> list(UserRef user, ConversationQuery query);
}
