package io.conversations.application.port.out;

import io.conversations.domain.identity.CorpId;
import io.conversations.domain.identity.UserRef;

/** The corps and their users, as the corps' backends provision them. */
public interface Directory {

    /** Creates or renames a corp. */
    void putCorp(CorpId corp, String name, long now);

    boolean corpExists(CorpId corp);

    /**
     * Creates or updates a user of an existing corp; true when an existing user's nick or avatar changed
     * (what their one-to-one peers show).
     */
    boolean putUser(UserRef user, String nick, String avatarUrl, long now);

    boolean userExists(UserRef user);

    /** Holds the user against their other writers (group changes, events) until the transaction ends. */
    void lock(UserRef user);
}
