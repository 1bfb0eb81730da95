package io.conversations.adapter.persistence;

import io.conversations.domain.identity.CorpId;
import io.conversations.domain.identity.UserId;
import io.conversations.domain.identity.UserRef;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** The user's row in {@code users} is the lock every writer of that user's state takes first. */
final class UserRow {
    private UserRow() {}

    /** Locks the user's row until the transaction ends; answers the user's newest event sequence number. */
    static Optional<Long> lock(Jdbc jdbc, UserRef user) {
        return jdbc.queryOne("SELECT last_event_seq FROM users WHERE corp_id = ? AND user_id = ? FOR UPDATE",
                rs -> rs.getLong(1), user.corp().value(), user.user().value());
    }

    /** Locks several users' rows with one statement, in userId order; answers each found user's newest sequence. */
    static Map<UserId, Long> lockAll(Jdbc jdbc, CorpId corp, Collection<UserId> users) {
        List<String> ids = users.stream().map(UserId::value).distinct().sorted().toList();
        Map<UserId, Long> found = new HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        jdbc.query("SELECT user_id, last_event_seq FROM users WHERE corp_id = ? AND user_id IN ("
                        + Jdbc.placeholders(ids.size()) + ") ORDER BY user_id FOR UPDATE",
                rs -> found.put(new UserId(rs.getString(1)), rs.getLong(2)),
                Stream.concat(Stream.of(corp.value()), ids.stream()).toArray());
        return found;
    }
}
