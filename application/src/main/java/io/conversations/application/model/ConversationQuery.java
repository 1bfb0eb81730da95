package io.conversations.application.model;

import io.conversations.domain.chat.ChatType;
import io.conversations.domain.common.InvalidInput;
import io.conversations.domain.common.Problem;
import io.conversations.domain.conversation.Marks;
import io.conversations.domain.identity.GroupName;
import java.util.Optional;

/**
 * What page of the conversation list to read: filters, size and where the previous page ended.
 * The chat picker also filters by title and includes hidden conversations; the list may be filtered by a mark and
 * to the conversations with unread messages.
 */
public record ConversationQuery(Optional<GroupName> group, Optional<ChatType> type, int count,
                                Optional<ListPosition> after, Optional<String> titleContains, boolean includeHidden,
                                Optional<Long> mark, boolean unreadOnly) {
    public static final int DEFAULT_COUNT = 50;
    public static final int MAX_COUNT = 100;
    public static final int MAX_TITLE_QUERY = 64;

    public ConversationQuery {
        if (count < 1 || count > MAX_COUNT) {
            throw new InvalidInput(Problem.MALFORMED, "count must be 1.." + MAX_COUNT);
        }
        if (titleContains.isPresent() && (titleContains.get().isEmpty() || titleContains.get().length() > MAX_TITLE_QUERY)) {
            throw new InvalidInput(Problem.MALFORMED, "query must be 1.." + MAX_TITLE_QUERY + " characters");
        }
        mark.ifPresent(Marks::check);
    }

    /** The conversation list's own query: no title filter, hidden conversations left out. */
    public ConversationQuery(Optional<GroupName> group, Optional<ChatType> type, int count, Optional<ListPosition> after) {
        this(group, type, count, after, Optional.empty(), false, Optional.empty(), false);
    }
}
