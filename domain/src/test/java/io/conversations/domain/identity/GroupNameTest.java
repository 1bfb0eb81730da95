package io.conversations.domain.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.conversations.domain.common.InvalidInput;
import io.conversations.domain.common.Problem;
import io.conversations.domain.identity.GroupName;
import org.junit.jupiter.api.Test;

class GroupNameTest {
    @Test
    void countsBytesOfUtf8NotCharacters() {
        assertEquals("一二三四五六七八九十", new GroupName("一二三四五六七八九十").value()); // 30 bytes
        InvalidInput tooLong = assertThrows(InvalidInput.class, () -> new GroupName("一二三四五六七八九十一")); // 33 bytes
        assertEquals(Problem.GROUP_NAME_LENGTH, tooLong.rejection().problem());
        new GroupName("a".repeat(32));
        assertThrows(InvalidInput.class, () -> new GroupName("a".repeat(33)));
    }

    @Test
    void rejectsAnEmptyName() {
        assertEquals(Problem.GROUP_NAME_LENGTH,
                assertThrows(InvalidInput.class, () -> new GroupName("")).rejection().problem());
    }

    @Test
    void rejectsControlCharactersAndBrokenSurrogates() {
        for (String bad : new String[] {"a\nb", "tab\t", "\u0000", "nul\u007f", "\ud83d"}) {
            assertEquals(Problem.GROUP_NAME_CONTROL_CHARACTERS,
                    assertThrows(InvalidInput.class, () -> new GroupName(bad)).rejection().problem(), bad);
        }
        assertEquals("😀 ok", new GroupName("😀 ok").value());
    }

    @Test
    void rejectsCharactersThatHideOrTurnTextButKeepsTheJoinersScriptsNeed() {
        for (String bad : new String[] {"A\uFFFDB", "zero\u200Bwidth", "\u202Eevil", "bom\uFEFF", "line\u2028",
                "iso\u2066late", "\uFDD0", "x\uFFFF"}) {
            assertEquals(Problem.GROUP_NAME_CONTROL_CHARACTERS,
                    assertThrows(InvalidInput.class, () -> new GroupName(bad)).rejection().problem(), bad);
        }
        assertEquals("👨\u200D👩\u200D👧", new GroupName("👨\u200D👩\u200D👧").value(), "an emoji family");
        assertEquals("می\u200Cخواهم", new GroupName("می\u200Cخواهم").value(), "Persian with a non-joiner");
    }
}
