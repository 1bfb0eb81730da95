package io.conversations.adapter.http;

import java.util.Objects;

/**
 * What the HTTP adapter needs from configuration: the admin key, the user-token signer, and how
 * often an idle event stream writes a heartbeat.
 */
public record HttpSettings(String adminKey, JwtTokens tokens, long heartbeatMillis) {
    public static final long DEFAULT_HEARTBEAT_MILLIS = 15_000;

    public HttpSettings(String adminKey, JwtTokens tokens) {
        this(adminKey, tokens, DEFAULT_HEARTBEAT_MILLIS);
    }

    public HttpSettings {
        if (heartbeatMillis < 1) {
            throw new IllegalArgumentException("the heartbeat interval must be positive");
        }
        Objects.requireNonNull(adminKey, "adminKey");
        Objects.requireNonNull(tokens, "tokens");
        if (adminKey.length() < 16) {
            throw new IllegalArgumentException("the admin key must be at least 16 characters");
        }
    }
}
