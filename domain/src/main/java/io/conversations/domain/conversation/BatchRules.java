package io.conversations.domain.conversation;

import io.conversations.domain.common.Problem;
import io.conversations.domain.common.Rejection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What every call on a batch of a user's conversation ids obeys, whether it files them into a group or marks them:
 * small named rules, each answering the refusal it makes (empty: allowed).
 */
public final class BatchRules {
    private BatchRules() {}

    /** A call names 1..{@code max} conversation ids where a list is required, at most {@code max} anyway (51006). */
    public record IdsPerCall(int max) {
        public Optional<Rejection> mayTake(List<String> ids, boolean required) {
            if (required && ids.isEmpty()) {
                return refused(Problem.ID_LIST_EMPTY_OR_TOO_LONG, "conversationIDList must not be empty");
            }
            return ids.size() <= max ? Optional.empty()
                    : refused(Problem.ID_LIST_EMPTY_OR_TOO_LONG,
                            "conversationIDList holds at most " + max + " ids");
        }
    }

    /** Only a conversation the user is in may be touched; any other id answers as if it did not exist (40401). */
    public record MemberOnly() {
        public Optional<Rejection> mayTouch(String raw, ConversationId id, Set<ConversationId> usersConversations) {
            return id != null && usersConversations.contains(id) ? Optional.empty()
                    : refused(Problem.NOT_FOUND, "no conversation " + raw + " for this user");
        }
    }

    private static Optional<Rejection> refused(Problem problem, String message) {
        return Optional.of(new Rejection(problem, message));
    }
}
