package io.conversations.application.port.in;

import io.conversations.domain.common.Outcome;
import io.conversations.domain.identity.UserRef;

/** Creates or updates a user of an existing corp. */
public interface ProvisionUser {
    Outcome<UserRef> put(UserRef user, String nick, String avatarUrl);
}
