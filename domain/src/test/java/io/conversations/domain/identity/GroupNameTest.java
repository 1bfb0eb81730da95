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

    @Test
    void aChosenNameIsStoredInNfcSoNamesThatLookTheSameAreOneName() {
        assertEquals("Caf\u00e9", GroupName.chosen("Cafe\u0301").value());
        assertEquals(GroupName.chosen("Caf\u00e9"), GroupName.chosen("Cafe\u0301"));
        assertEquals("\ud55c", GroupName.chosen("\u1112\u1161\u11ab").value(), "Hangul jamo compose to the syllable");
        assertEquals("需求研发", GroupName.chosen("需求研发").value());
        assertEquals("Ops \u2764\ufe0f", GroupName.chosen("Ops \u2764\ufe0f").value(), "the emoji selector stays");
        assertEquals("👨\u200d👩\u200d👧", GroupName.chosen("👨\u200d👩\u200d👧").value(), "joiners stay");
        assertEquals("a b\u3000c", GroupName.chosen("a b\u3000c").value());
    }

    @Test
    void aChosenNameShowsWhatItSays() {
        // Each of these was accepted before, and most looked like another name.
        for (String bad : new String[] {" ", "\u00ad", "\u3164", "Ops\u061c", "Caf\u00ad\u00e9", "a\u034fb", "x\ufe0e",
                "\u180eOps", "Ops\udb40\udc41", "Ops\u00a0Team", "Ops ", " Ops", "\u0301", "Ops\u2007x", "\u115f\u1160"}) {
            InvalidInput refused = assertThrows(InvalidInput.class, () -> GroupName.chosen(bad), bad);
            assertEquals(Problem.GROUP_NAME_CONTROL_CHARACTERS, refused.rejection().problem(), bad);
        }
        // A name stored before these rules still reads: only a chosen name is held to them.
        assertEquals("Ops ", new GroupName("Ops ").value());
    }
}
