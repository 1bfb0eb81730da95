package io.conversations.application.port.in;

import io.conversations.domain.chat.ChatId;
import io.conversations.domain.common.Outcome;
import io.conversations.domain.identity.CorpId;
import io.conversations.domain.identity.UserId;

/** Adds a user to a group chat or removes them; their conversation comes and goes with it. */
public interface ChangeChatMembership {
    /** True when the user was not a member before. */
    Outcome<Boolean> addMember(CorpId corp, ChatId chat, UserId user);

    /** True when the user was a member before. */
    Outcome<Boolean> removeMember(CorpId corp, ChatId chat, UserId user);
}
