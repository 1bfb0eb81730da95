package io.conversations.application.port.in;

import io.conversations.domain.common.Outcome;
import io.conversations.domain.group.BatchResult;
import io.conversations.domain.identity.GroupName;
import io.conversations.domain.identity.UserRef;
import java.util.List;

/** Removes conversations from a group, answering per id (Tencent deleteConversationsFromGroup). */
public interface RemoveConversationsFromGroup {
    Outcome<BatchResult> remove(UserRef user, GroupName name, List<String> conversationIds);
}
