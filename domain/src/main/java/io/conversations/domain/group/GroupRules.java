package io.conversations.domain.group;

import io.conversations.domain.identity.GroupName;
import io.conversations.domain.common.Problem;
import io.conversations.domain.common.Verdict;
import io.conversations.domain.conversation.ConversationId;
import java.util.List;
import java.util.Set;

/** The conversation-group policy as small named rules; {@link UserGroups} asks them, nothing re-implements them. */
public final class GroupRules {
    private GroupRules() {}

    /** At most {@code max} groups a user (Tencent 51010). */
    public record AtMostGroups(int max) {
        public Verdict mayAddOneTo(int existing) {
            return existing < max ? Verdict.ALLOWED
                    : Verdict.refused(Problem.GROUP_LIMIT, "the user already has the maximum of " + max + " groups");
        }
    }

    /** Group names are unique per user, compared exactly (case and spaces count). */
    public record UniqueName() {
        public Verdict mayUse(GroupName name, List<GroupName> taken) {
            return taken.contains(name)
                    ? Verdict.refused(Problem.ALREADY_EXISTS, "a group named '" + name + "' already exists")
                    : Verdict.ALLOWED;
        }
    }

    /** A call names 1..{@code max} conversation ids where a list is required, at most {@code max} anyway (51006). */
    public record IdsPerCall(int max) {
        public Verdict mayTake(List<String> ids, boolean required) {
            if (required && ids.isEmpty()) {
                return Verdict.refused(Problem.ID_LIST_EMPTY_OR_TOO_LONG, "conversationIDList must not be empty");
            }
            return ids.size() <= max ? Verdict.ALLOWED
                    : Verdict.refused(Problem.ID_LIST_EMPTY_OR_TOO_LONG,
                            "conversationIDList holds at most " + max + " ids");
        }
    }

    /** Only a conversation the user is in may be grouped; any other id answers as if it did not exist (40401). */
    public record MemberOnly() {
        public Verdict mayGroup(String raw, ConversationId id, Set<ConversationId> usersConversations) {
            return id != null && usersConversations.contains(id) ? Verdict.ALLOWED
                    : Verdict.refused(Problem.NOT_FOUND, "no conversation " + raw + " for this user");
        }
    }

    /** At most {@code max} distinct conversations of a user in groups altogether (Tencent 51008). */
    public record AtMostGroupedConversations(int max) {
        public Verdict mayGroupAnother(int distinctGrouped) {
            return distinctGrouped < max ? Verdict.ALLOWED
                    : Verdict.refused(Problem.GROUPED_CONVERSATION_LIMIT,
                            "the user already has " + max + " conversations in groups");
        }
    }
}
