package io.conversations.application.port.in;

import io.conversations.domain.common.Outcome;
import io.conversations.domain.identity.GroupName;
import io.conversations.domain.identity.UserRef;

/** Renames a conversation group (Tencent renameConversationGroup). */
public interface RenameGroup {
    Outcome<GroupName> rename(UserRef user, GroupName from, GroupName to);
}
