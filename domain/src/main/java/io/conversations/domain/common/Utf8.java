package io.conversations.domain.common;

import java.nio.charset.StandardCharsets;

/** Byte counts where the contract measures text in bytes of UTF-8. */
public final class Utf8 {
    private Utf8() {}

    public static int bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    /** True when the string holds a C0/C1 control character or an unpaired surrogate. */
    public static boolean hasControlOrBrokenCharacters(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isISOControl(c)) {
                return true;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    return true;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    /**
     * True when the string holds a character that hides or changes what a reader sees rather than showing
     * itself: U+FFFD (what broken input decodes to), bidirectional controls, zero-width space, word joiner,
     * byte-order mark, line and paragraph separators, and noncharacters. The joiners U+200C and U+200D stay
     * allowed: scripts and emoji sequences need them.
     */
    public static boolean hasInvisibleCharacters(String s) {
        return s.codePoints().anyMatch(c -> c == 0xFFFD || c == 0x200B || c == 0x200E || c == 0x200F
                || (c >= 0x202A && c <= 0x202E) || (c >= 0x2060 && c <= 0x2064) || (c >= 0x2066 && c <= 0x2069)
                || c == 0xFEFF || c == 0x2028 || c == 0x2029 || (c >= 0xFDD0 && c <= 0xFDEF) || (c & 0xFFFE) == 0xFFFE);
    }
}
