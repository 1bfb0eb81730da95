package io.conversations.domain.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.conversations.domain.common.InvalidInput;
import io.conversations.domain.common.Problem;
import org.junit.jupiter.api.Test;

class ConversationChangeTest {
    @Test
    void customDataHoldsAtMost256BytesOfUtf8() {
        new ConversationChange.CustomData("a".repeat(256));
        new ConversationChange.CustomData("数".repeat(85)); // 255 bytes
        assertEquals(Problem.MALFORMED, assertThrows(InvalidInput.class,
                () -> new ConversationChange.CustomData("数".repeat(86))).rejection().problem()); // 258 bytes
        assertThrows(InvalidInput.class, () -> new ConversationChange.CustomData("a".repeat(257)));
    }

    @Test
    void aDraftMayHoldLineBreaksButNotOtherControlCharacters() {
        assertEquals("line one\nline two\ttab", new ConversationChange.Draft("line one\nline two\ttab").text());
        assertThrows(InvalidInput.class, () -> new ConversationChange.Draft("bell\u0007"));
        assertThrows(InvalidInput.class, () -> new ConversationChange.Draft(null));
        assertThrows(InvalidInput.class, () -> new ConversationChange.Draft("x".repeat(ConversationChange.MAX_DRAFT_BYTES + 1)));
    }
}
