package io.conversations.adapter.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.conversations.application.model.ListPosition;
import io.conversations.domain.chat.ChatId;
import io.conversations.domain.common.InvalidInput;
import io.conversations.domain.common.Problem;
import io.conversations.domain.conversation.ConversationId;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A list cursor goes back and forth unchanged, and one this service did not give out is refused. */
class ListCursorTest {
    private static final String SECRET = "a-secret-of-at-least-thirty-two-bytes!";
    private final ListCursor cursors = new JwtTokens(SECRET).cursors();
    private final ListPosition position = new ListPosition(true, 1_700_000_000_123L,
            ConversationId.group(new ChatId("sales")), 42);

    @Test
    void aCursorGivenOutComesBackAsItsPositionOnAnyNodeWithTheSameSecret() {
        String cursor = cursors.encode(position);
        assertEquals(Optional.of(position), cursors.decode(cursor));
        assertEquals(Optional.of(position), new JwtTokens(SECRET).cursors().decode(cursor), "another node");
        assertEquals(Optional.empty(), cursors.decode(""));
    }

    @Test
    void aForgedChangedOrForeignCursorIsRefused() {
        String b64 = Base64.getUrlEncoder().withoutPadding().encodeToString(
                "2|0|-1|-1|C2Cbob".getBytes(StandardCharsets.UTF_8));
        String cursor = cursors.encode(position);
        char last = cursor.charAt(cursor.length() / 2);
        String changed = cursor.substring(0, cursor.length() / 2) + (last == 'A' ? 'B' : 'A')
                + cursor.substring(cursor.length() / 2 + 1);
        String foreign = new JwtTokens(SECRET.replace('a', 'b')).cursors().encode(position);
        // Before: the first was taken, and its eventSeq of -1 echoed.
        for (String bad : new String[] {b64, changed, foreign, "not-ours", "%%%", "AAAA"}) {
            InvalidInput refused = assertThrows(InvalidInput.class, () -> cursors.decode(bad), bad);
            assertEquals(Problem.MALFORMED, refused.rejection().problem(), bad);
        }
    }
}
