package io.conversations.adapter.persistence;

import io.conversations.domain.identity.UserRef;
import java.util.Optional;

/** The user's row in {@code users} is the lock every writer of that user's state takes first. */
final class UserRow {
    private UserRow() {}

    /** Locks the user's row until the transaction ends; answers the user's newest event sequence number. */
    static Optional<Long> lock(Jdbc jdbc, UserRef user) {
        return jdbc.queryOne("SELECT last_event_seq FROM users WHERE corp_id = ? AND user_id = ? FOR UPDATE",
                rs -> rs.getLong(1), user.corp().value(), user.user().value());
    }
}
