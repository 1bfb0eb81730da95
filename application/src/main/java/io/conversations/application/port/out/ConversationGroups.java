package io.conversations.application.port.out;

import io.conversations.application.model.GroupSummary;
import io.conversations.domain.conversation.ConversationId;
import io.conversations.domain.group.GroupsSnapshot;
import io.conversations.domain.identity.GroupName;
import io.conversations.domain.identity.UserRef;
import java.util.Collection;
import java.util.List;

/**
 * Each user's conversation groups, which conversations are in them, and how many distinct ones that is. Every
 * change is made in a transaction that loaded the user's groups with {@link #loadForUpdate} first.
 */
public interface ConversationGroups {

    /**
     * The user's groups as a change naming {@code concerned} needs them (names, the grouped count, and which of
     * {@code concerned} the user has and their groups), held against every other change to the same user's groups
     * and events until the transaction ends: the limits are checked on what this returns.
     */
    GroupsSnapshot loadForUpdate(UserRef user, Collection<ConversationId> concerned);

    boolean exists(UserRef user, GroupName name);

    /** Names, sizes and unread badges, in creation order. */
    List<GroupSummary> summaries(UserRef user);

    void create(UserRef user, GroupName name, long now);

    void rename(UserRef user, GroupName from, GroupName to);

    /** Deletes the group; its conversations stay, and the user's grouped count follows. */
    void delete(UserRef user, GroupName name);

    /** Puts the user's conversations among {@code ids} into the group (none of them is in it yet). */
    void add(UserRef user, GroupName name, Collection<ConversationId> ids, long now);

    void remove(UserRef user, GroupName name, Collection<ConversationId> ids);

    /** Keeps how many distinct conversations the user has in groups, as the change that moved it decided. */
    void storeGroupedCount(UserRef user, int groupedCount);

    /**
     * Takes a conversation out of every group of the user (they left the chat), the grouped count following;
     * answers the groups it was in, in creation order.
     */
    List<GroupName> removeEverywhere(UserRef user, ConversationId id);
}
