package io.conversations.domain.group;

import io.conversations.domain.conversation.ConversationId;
import java.util.List;

/**
 * The partial result of a change to several conversations at once: which ids succeeded, which
 * failed and why, and which conversations' membership actually changed (what must be stored and
 * reported).
 */
public record BatchResult(GroupName group, List<String> succeeded, List<Failure> failed,
                          List<ConversationId> changed) {
    public BatchResult {
        succeeded = List.copyOf(succeeded);
        failed = List.copyOf(failed);
        changed = List.copyOf(changed);
    }
}
