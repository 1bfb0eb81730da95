package io.conversations.application.port.in;

import io.conversations.domain.identity.UserRef;

/** Whether a user a token names is provisioned; a token for anyone else is refused. */
public interface IdentifyUser {
    boolean isKnown(UserRef user);
}
