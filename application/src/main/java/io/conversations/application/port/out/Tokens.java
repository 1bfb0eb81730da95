package io.conversations.application.port.out;

import io.conversations.domain.identity.UserRef;

/** Mints the bearer credentials users call the service with. */
public interface Tokens {
    String issue(UserRef user, long expiresAtMillis);
}
