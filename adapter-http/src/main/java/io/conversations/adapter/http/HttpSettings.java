package io.conversations.adapter.http;

import java.util.Objects;

/** What the HTTP adapter needs from configuration: the admin key, and the user-token signer. */
public record HttpSettings(String adminKey, JwtTokens tokens) {
    public HttpSettings {
        Objects.requireNonNull(adminKey, "adminKey");
        Objects.requireNonNull(tokens, "tokens");
        if (adminKey.length() < 16) {
            throw new IllegalArgumentException("the admin key must be at least 16 characters");
        }
    }
}
