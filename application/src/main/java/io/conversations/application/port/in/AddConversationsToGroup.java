package io.conversations.application.port.in;

import io.conversations.domain.common.Outcome;
import io.conversations.domain.group.BatchResult;
import io.conversations.domain.identity.GroupName;
import io.conversations.domain.identity.UserRef;
import java.util.List;

/** Adds conversations to a group, answering per id (Tencent addConversationsToGroup). */
public interface AddConversationsToGroup {
    Outcome<BatchResult> add(UserRef user, GroupName name, List<String> conversationIds);
}
