package io.conversations.domain.group;

import io.conversations.domain.common.Problem;
import io.conversations.domain.common.Rejection;
import io.conversations.domain.identity.GroupName;
import java.util.List;
import java.util.Optional;

/**
 * The conversation-group policy as small named rules, each answering the refusal it makes (empty: allowed);
 * {@link UserGroups} asks them, nothing re-implements them.
 */
public final class GroupRules {
    /** What a rule answers when it allows the change: no refusal. */
    static final Optional<Rejection> ALLOWED = Optional.empty();

    private GroupRules() {}

    static Optional<Rejection> refused(Problem problem, String message) {
        return Optional.of(new Rejection(problem, message));
    }

    /** At most {@code max} groups a user (Tencent 51010). */
    public record AtMostGroups(int max) {
        public Optional<Rejection> mayAddOneTo(int existing) {
            return existing < max ? ALLOWED
                    : refused(Problem.GROUP_LIMIT, "the user already has the maximum of " + max + " groups");
        }
    }

    /** Group names are unique per user, compared exactly (case and spaces count). */
    public record UniqueName() {
        public Optional<Rejection> mayUse(GroupName name, List<GroupName> taken) {
            return taken.contains(name)
                    ? refused(Problem.ALREADY_EXISTS, "a group named '" + name + "' already exists")
                    : ALLOWED;
        }
    }

    /** At most {@code max} distinct conversations of a user in groups altogether (Tencent 51008). */
    public record AtMostGroupedConversations(int max) {
        public Optional<Rejection> mayGroupAnother(int distinctGrouped) {
            return distinctGrouped < max ? ALLOWED
                    : refused(Problem.GROUPED_CONVERSATION_LIMIT,
                            "the user already has " + max + " conversations in groups");
        }
    }
}
