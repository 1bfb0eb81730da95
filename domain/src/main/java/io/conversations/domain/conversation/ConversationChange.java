package io.conversations.domain.conversation;

import io.conversations.domain.common.InvalidInput;
import io.conversations.domain.common.Problem;
import io.conversations.domain.common.Utf8;

/** What a user may change in their own view of a conversation; each change checks its own value. */
public sealed interface ConversationChange {
    int MAX_CUSTOM_DATA_BYTES = 256;
    int MAX_DRAFT_BYTES = 8192;

    /** Pin it to the top of the list, or unpin it. */
    record Pin(boolean pinned) implements ConversationChange {}

    /** The text the user is typing, kept for them (empty clears it). */
    record Draft(String text) implements ConversationChange {
        public Draft {
            text = bounded("draftText", text, MAX_DRAFT_BYTES);
        }
    }

    /** The client's own data on the conversation (at most 256 bytes of UTF-8). */
    record CustomData(String data) implements ConversationChange {
        public CustomData {
            data = bounded("customData", data, MAX_CUSTOM_DATA_BYTES);
        }
    }

    /** Everything in it has been read: the unread count becomes 0. */
    record MarkRead() implements ConversationChange {}

    /** Take it off the list until new activity brings it back; with {@code clearHistory}, clear its history too. */
    record Hide(boolean clearHistory) implements ConversationChange {}

    /** How new messages are taken in it (do-not-disturb and the like). */
    record Remind(RemindType type) implements ConversationChange {
        public Remind {
            java.util.Objects.requireNonNull(type, "type");
        }
    }

    /**
     * Its history, for this user only: the messages so far are no longer read back to them, nothing is unread and
     * no last message shows until the next one.
     */
    record ClearHistory() implements ConversationChange {}

    private static String bounded(String field, String value, int maxBytes) {
        if (value == null) {
            throw new InvalidInput(Problem.MALFORMED, field + " is required and must be a string");
        }
        if (Utf8.bytes(value) > maxBytes) {
            throw new InvalidInput(Problem.MALFORMED, field + " must be at most " + maxBytes + " bytes of UTF-8");
        }
        if (Utf8.hasControlOrBrokenCharacters(value.replace("\n", "").replace("\t", "").replace("\r", ""))) {
            throw new InvalidInput(Problem.MALFORMED, field + " must not contain control characters other than line breaks and tabs");
        }
        return value;
    }
}
