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
}
