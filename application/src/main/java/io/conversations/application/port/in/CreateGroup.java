package io.conversations.application.port.in;

import io.conversations.domain.common.Outcome;
import io.conversations.domain.group.BatchResult;
import io.conversations.domain.identity.GroupName;
import io.conversations.domain.identity.UserRef;
import java.util.List;

/** Creates a conversation group, optionally with conversations in it (Tencent createConversationGroup). */
public interface CreateGroup {
    Outcome<BatchResult> create(UserRef user, GroupName name, List<String> conversationIds);
}
