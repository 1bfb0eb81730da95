package io.conversations.domain.common;

/** The one rule for the identifiers a corp chooses (corp, user and chat ids). */
public final class Ids {
    public static final int MAX_LENGTH = 64;

    private Ids() {}

    /** Returns the id when it is 1..64 of {@code A-Z a-z 0-9 . _ @ -}; otherwise throws {@link InvalidInput}. */
    public static String check(String kind, String value) {
        if (!isValid(value)) {
            throw new InvalidInput(Problem.MALFORMED,
                    kind + " must be 1.." + MAX_LENGTH + " characters of A-Z a-z 0-9 . _ @ -");
        }
        return value;
    }

    /** A loop, not a regex: every id read back from the store passes here, hundreds per request. */
    public static boolean isValid(String value) {
        if (value == null || value.isEmpty() || value.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '.' || c == '_' || c == '@' || c == '-';
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
