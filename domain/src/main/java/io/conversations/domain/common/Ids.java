package io.conversations.domain.common;

import java.util.regex.Pattern;

/** The one rule for the identifiers a corp chooses (corp, user and chat ids). */
public final class Ids {
    public static final int MAX_LENGTH = 64;
    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9._@-]{1," + MAX_LENGTH + "}");

    private Ids() {}

    /** Returns the id when it is 1..64 of {@code A-Z a-z 0-9 . _ @ -}; otherwise throws {@link InvalidInput}. */
    public static String check(String kind, String value) {
        if (value == null || !ALLOWED.matcher(value).matches()) {
            throw new InvalidInput(Problem.MALFORMED,
                    kind + " must be 1.." + MAX_LENGTH + " characters of A-Z a-z 0-9 . _ @ -");
        }
        return value;
    }

    public static boolean isValid(String value) {
        return value != null && ALLOWED.matcher(value).matches();
    }
}
