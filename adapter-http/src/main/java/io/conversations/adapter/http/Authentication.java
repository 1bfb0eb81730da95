package io.conversations.adapter.http;

import io.conversations.application.port.in.IdentifyUser;
import io.conversations.domain.identity.UserRef;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/** Who is calling: a provisioned user by their JWT, or the corp's backend by the admin key. */
final class Authentication {
    private final JwtTokens tokens;
    private final IdentifyUser users;
    private final byte[] adminKey;

    Authentication(JwtTokens tokens, IdentifyUser users, String adminKey) {
        this.tokens = tokens;
        this.users = users;
        this.adminKey = adminKey.getBytes(StandardCharsets.UTF_8);
    }

    Optional<UserRef> user(Context ctx) {
        return bearer(ctx).flatMap(token -> tokens.verify(token, System.currentTimeMillis()))
                .filter(users::isKnown);
    }

    boolean admin(Context ctx) {
        return bearer(ctx).map(key -> MessageDigest.isEqual(key.getBytes(StandardCharsets.UTF_8), adminKey))
                .orElse(false);
    }

    private static Optional<String> bearer(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        String value = header.substring(7).trim();
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }
}
