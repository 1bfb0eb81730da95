package io.conversations.domain.group;

import io.conversations.domain.conversation.ConversationId;
import io.conversations.domain.conversation.Failure;
import io.conversations.domain.identity.GroupName;
import java.util.List;

/**
 * The partial result of a change to several conversations at once: which ids succeeded, which
 * failed and why, which conversations' membership actually changed (what must be stored and
 * reported), and how many distinct conversations the user has in groups afterwards.
 */
public record BatchResult(GroupName group, List<String> succeeded, List<Failure> failed,
                          List<ConversationId> changed, int groupedCount) {
    public BatchResult {
        succeeded = List.copyOf(succeeded);
        failed = List.copyOf(failed);
        changed = List.copyOf(changed);
    }
}
