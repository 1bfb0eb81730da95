package io.conversations.domain.identity;

import io.conversations.domain.common.InvalidInput;
import io.conversations.domain.common.Problem;
import io.conversations.domain.common.Utf8;
import java.text.Normalizer;

/**
 * A conversation group's name: 1..32 bytes of UTF-8 (bytes, not characters), with no control characters and none
 * that hide or turn text ({@link Utf8#hasInvisibleCharacters}): every name that can be created can be told apart
 * from another and addressed in a path.
 */
public record GroupName(String value) {
    public static final int MAX_BYTES = 32;

    public GroupName {
        if (value == null || value.isEmpty() || Utf8.bytes(value) > MAX_BYTES) {
            throw new InvalidInput(Problem.GROUP_NAME_LENGTH,
                    "groupName must be 1.." + MAX_BYTES + " bytes of UTF-8");
        }
        if (Utf8.hasControlOrBrokenCharacters(value) || Utf8.hasInvisibleCharacters(value)) {
            throw new InvalidInput(Problem.GROUP_NAME_CONTROL_CHARACTERS,
                    "groupName must not contain control, format or replacement characters (U+FFFD, bidirectional "
                            + "controls, zero-width space, byte-order mark, line separators)");
        }
    }

    /**
     * A name a user chooses, to create a group or rename one to. It is stored in Unicode NFC (so {@code Café}
     * typed with a combining accent is the group {@code Café}), and besides the checks every name passes, it
     * must show what it says: no invisible format characters (soft hyphen, the Arabic letter mark, Mongolian
     * vowel separator, tag characters; the joiners U+200C and U+200D that scripts and emoji need stay allowed),
     * no fillers that draw nothing (the combining grapheme joiner, Hangul fillers, variation selectors other
     * than the emoji one U+FE0F), no space but U+0020 and the ideographic space U+3000, none at either end,
     * and at least one character that is not a space or a mark. Names stored before these rules still read,
     * and an existing group is addressed by its name exactly as the service gives it out.
     */
    public static GroupName chosen(String raw) {
        GroupName name = new GroupName(raw == null ? null : Normalizer.normalize(raw, Normalizer.Form.NFC));
        String value = name.value;
        if (value.codePoints().anyMatch(GroupName::drawsNothing)) {
            throw new InvalidInput(Problem.GROUP_NAME_CONTROL_CHARACTERS, "groupName must not contain invisible "
                    + "characters (format characters such as U+00AD or U+061C, fillers such as U+3164 or U+034F, "
                    + "variation selectors other than U+FE0F) or spaces other than U+0020 and U+3000");
        }
        if (isSpace(value.codePointAt(0)) || isSpace(value.codePointBefore(value.length()))) {
            throw new InvalidInput(Problem.GROUP_NAME_CONTROL_CHARACTERS,
                    "groupName must not begin or end with a space");
        }
        if (value.codePoints().allMatch(c -> isSpace(c) || isMark(c))) {
            throw new InvalidInput(Problem.GROUP_NAME_CONTROL_CHARACTERS, "groupName must show at least one character");
        }
        return name;
    }

    private static boolean drawsNothing(int c) {
        int type = Character.getType(c);
        return (type == Character.FORMAT && c != 0x200C && c != 0x200D)
                || c == 0x034F || c == 0x115F || c == 0x1160 || c == 0x3164 || c == 0xFFA0 || c == 0x17B4 || c == 0x17B5
                || (c >= 0x180B && c <= 0x180F) || (c >= 0xFE00 && c <= 0xFE0E) || (c >= 0xE0100 && c <= 0xE01EF)
                || (type == Character.SPACE_SEPARATOR && c != ' ' && c != 0x3000);
    }

    private static boolean isSpace(int c) {
        return Character.getType(c) == Character.SPACE_SEPARATOR || Character.isWhitespace(c);
    }

    private static boolean isMark(int c) {
        int type = Character.getType(c);
        return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                || type == Character.COMBINING_SPACING_MARK;
    }

    @Override
    public String toString() {
        return value;
    }
}
