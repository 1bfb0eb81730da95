package io.conversations.domain.group;

import io.conversations.domain.conversation.ConversationId;
import io.conversations.domain.identity.GroupName;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A user's groups as far as one change needs to know them, and no further: the group names in creation order,
 * how many distinct conversations are in groups (for the limit), which of the conversations the change names the
 * user has, and the groups each of those is in. Nothing here grows with the size of a group.
 */
public record GroupsSnapshot(List<GroupName> names, int groupedCount, Set<ConversationId> owned,
                             Map<ConversationId, Set<GroupName>> groupsOf) {
    public GroupsSnapshot {
        names = List.copyOf(names);
        owned = Set.copyOf(owned);
        groupsOf = groupsOf.entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> Set.copyOf(e.getValue())));
        if (groupedCount < 0) {
            throw new IllegalArgumentException("groupedCount must not be negative");
        }
    }

    /** The groups {@code id} is in; none for a conversation the change does not name. */
    public Set<GroupName> groupsOf(ConversationId id) {
        return groupsOf.getOrDefault(id, Set.of());
    }
}
