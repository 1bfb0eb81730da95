package io.conversations.application.port.in;

import io.conversations.domain.chat.ChatType;
import io.conversations.domain.common.InvalidInput;
import io.conversations.domain.common.Problem;
import io.conversations.domain.group.GroupName;
import java.util.Optional;

/** What page of the conversation list to read: filters, size and where the previous page ended. */
public record ConversationQuery(Optional<GroupName> group, Optional<ChatType> type, int count,
                                Optional<ListPosition> after) {
    public static final int DEFAULT_COUNT = 50;
    public static final int MAX_COUNT = 100;

    public ConversationQuery {
        if (count < 1 || count > MAX_COUNT) {
            throw new InvalidInput(Problem.MALFORMED, "count must be 1.." + MAX_COUNT);
        }
    }
}
