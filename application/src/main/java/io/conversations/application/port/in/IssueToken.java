package io.conversations.application.port.in;

import io.conversations.domain.common.Outcome;
import io.conversations.domain.identity.UserRef;

/** Mints a user's bearer token for {@code ttlSeconds} (1 s .. 30 days). */
public interface IssueToken {
    long MAX_TTL_SECONDS = 30L * 24 * 3600;

    Outcome<IssuedToken> issue(UserRef user, long ttlSeconds);
}
