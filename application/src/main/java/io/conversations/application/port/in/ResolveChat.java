package io.conversations.application.port.in;

import io.conversations.domain.chat.ChatId;
import io.conversations.domain.common.Outcome;
import io.conversations.domain.conversation.Conversation;
import io.conversations.domain.identity.CorpId;
import io.conversations.domain.identity.UserRef;

/** A chat of the user's corp, as the user's conversation (DingTalk toConversation); 40401 if not a member. */
public interface ResolveChat {
    Outcome<Conversation> resolve(UserRef user, CorpId corp, ChatId chat);
}
