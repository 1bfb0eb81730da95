package io.conversations.application.port.out;

import io.conversations.application.port.in.GroupSummary;
import io.conversations.domain.conversation.ConversationId;
import io.conversations.domain.group.ConversationGroup;
import io.conversations.domain.group.GroupName;
import io.conversations.domain.identity.UserRef;
import java.util.Collection;
import java.util.List;

/** Each user's conversation groups and which conversations are in them. */
public interface ConversationGroups {

    /**
     * The user's groups in creation order, held against every other change to the same user's
     * groups until the transaction ends: the limits are checked on what this returns.
     */
    List<ConversationGroup> loadForUpdate(UserRef user);

    boolean exists(UserRef user, GroupName name);

    /** Names, sizes and unread badges, in creation order. */
    List<GroupSummary> summaries(UserRef user);

    void create(UserRef user, GroupName name, long now);

    void rename(UserRef user, GroupName from, GroupName to);

    void delete(UserRef user, GroupName name);

    void add(UserRef user, GroupName name, Collection<ConversationId> ids, long now);

    void remove(UserRef user, GroupName name, Collection<ConversationId> ids);

    /** Takes a conversation out of every group of the user (they left the chat); answers the groups it was in. */
    List<GroupName> removeEverywhere(UserRef user, ConversationId id);
}
