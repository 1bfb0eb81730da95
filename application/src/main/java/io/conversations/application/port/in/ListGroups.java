package io.conversations.application.port.in;

import io.conversations.application.model.GroupSummary;
import io.conversations.domain.identity.UserRef;
import java.util.List;

/** The user's groups in creation order with counts and unread badges (Tencent getConversationGroupList). */
public interface ListGroups {
    List<GroupSummary> list(UserRef user);
}
