package io.conversations.adapter.http;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What the HTTP adapter needs from configuration: the admin key, the user-token signer, the web origins
 * other than its own whose pages may call it (CORS; {@code *} for any), and the rate limits.
 */
public record HttpSettings(String adminKey, JwtTokens tokens, List<String> corsOrigins,
                           int userRequestsPerSecond, int adminRequestsPerSecond) {
    /** Default rate limits: generous for a person's clients and for a corp's backend; 0 turns one off. */
    public static final int DEFAULT_USER_RATE = 100;
    public static final int DEFAULT_ADMIN_RATE = 2_000;

    private static final Pattern ORIGIN = Pattern.compile("https?://[^/?#\\s]+");
    /** The shortest admin key accepted. */
    public static final int MIN_ADMIN_KEY_CHARS = 16;

    /** Whether {@code origin} is one CORS can name: scheme://host[:port], or {@code *}. */
    public static boolean isOrigin(String origin) {
        return origin.equals("*") || ORIGIN.matcher(origin).matches();
    }

    public HttpSettings {
        corsOrigins = List.copyOf(corsOrigins);
        if (userRequestsPerSecond < 0 || adminRequestsPerSecond < 0) {
            throw new IllegalArgumentException("a rate limit is 0 (none) or positive");
        }
        for (String origin : corsOrigins) {
            if (!isOrigin(origin)) {
                throw new IllegalArgumentException("a CORS origin is scheme://host[:port] (or *); got " + origin);
            }
        }
        Objects.requireNonNull(adminKey, "adminKey");
        Objects.requireNonNull(tokens, "tokens");
        if (adminKey.length() < MIN_ADMIN_KEY_CHARS) {
            throw new IllegalArgumentException("the admin key must be at least " + MIN_ADMIN_KEY_CHARS + " characters");
        }
    }
}
