package io.conversations.domain.group;

/**
 * The numbers the group rules enforce. Tencent's defaults: 20 groups a user, 1000 distinct
 * conversations in groups, 100 ids a call. An operator may raise the first two.
 */
public record GroupLimits(int maxGroups, int maxGroupedConversations, int maxIdsPerCall) {
    public static final GroupLimits DEFAULTS = new GroupLimits(20, 1000, 100);

    public GroupLimits {
        if (maxGroups < 1 || maxGroupedConversations < 1 || maxIdsPerCall < 1) {
            throw new IllegalArgumentException("group limits must be positive");
        }
    }
}
