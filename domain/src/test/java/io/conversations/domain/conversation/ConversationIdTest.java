package io.conversations.domain.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.conversations.domain.chat.ChatType;
import io.conversations.domain.common.InvalidInput;
import org.junit.jupiter.api.Test;

class ConversationIdTest {
    @Test
    void parsesAndPrintsBothForms() {
        ConversationId c2c = ConversationId.parse("C2Cbob");
        assertEquals(ChatType.C2C, c2c.type());
        assertEquals("bob", c2c.target());
        assertEquals("C2Cbob", c2c.toString());
        ConversationId group = ConversationId.parse("GROUPsales");
        assertEquals(ChatType.GROUP, group.type());
        assertEquals("sales", group.target());
        assertEquals("GROUPsales", group.toString());
    }

    @Test
    void rejectsAnythingElse() {
        for (String bad : new String[] {"", "C2C", "GROUP", "sales", "c2cbob", "GROUPa b", "C2C" + "x".repeat(65)}) {
            assertThrows(InvalidInput.class, () -> ConversationId.parse(bad), bad);
            assertTrue(ConversationId.tryParse(bad).isEmpty(), bad);
        }
    }
}
