package io.conversations.application.port.in;

import io.conversations.domain.common.Outcome;
import io.conversations.domain.identity.GroupName;
import io.conversations.domain.identity.UserRef;

/** Deletes a conversation group; its conversations stay (Tencent deleteConversationGroup). */
public interface DeleteGroup {
    Outcome<GroupName> delete(UserRef user, GroupName name);
}
