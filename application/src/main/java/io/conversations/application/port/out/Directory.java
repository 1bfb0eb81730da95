package io.conversations.application.port.out;

import io.conversations.domain.identity.CorpId;
import io.conversations.domain.identity.UserId;
import io.conversations.domain.identity.UserRef;
import java.util.Collection;
import java.util.Comparator;
import java.util.Set;

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

    /** Which of {@code users} exist, with one read per corp (a burst of requests from users not known yet). */
    Set<UserRef> existingUsers(Collection<UserRef> users);

    /** Holds the user against their other writers (group changes, events) until the transaction ends. */
    void lock(UserRef user);

    /** Locks several users of a corp, in userId order (so two writers never wait on each other in a circle). */
    default void lockAll(CorpId corp, Collection<UserId> users) {
        users.stream().sorted(Comparator.comparing(UserId::value)).forEach(u -> lock(new UserRef(corp, u)));
    }
}
