package io.conversations.adapter.http;

import io.conversations.application.model.ListPosition;
import io.conversations.domain.common.InvalidInput;
import io.conversations.domain.conversation.ConversationId;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/** The opaque cursor of the conversation list: where the previous page ended, base64url-encoded. */
final class ListCursor {
    private ListCursor() {}

    static String encode(ListPosition position) {
        String raw = "2|" + (position.pinned() ? 1 : 0) + "|" + position.activityAt() + "|" + position.asOfSeq() + "|"
                + position.id();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    static Optional<ListPosition> decode(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return Optional.empty();
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            String[] parts = raw.split("\\|", 5);
            if (parts.length != 5 || !parts[0].equals("2") || !(parts[1].equals("0") || parts[1].equals("1"))) {
                throw JsonBody.malformed("cursor is not one this service gave out");
            }
            return Optional.of(new ListPosition(parts[1].equals("1"), Long.parseLong(parts[2]),
                    ConversationId.parse(parts[4]), Long.parseLong(parts[3])));
        } catch (IllegalArgumentException | InvalidInput e) {
            throw JsonBody.malformed("cursor is not one this service gave out");
        }
    }
}
