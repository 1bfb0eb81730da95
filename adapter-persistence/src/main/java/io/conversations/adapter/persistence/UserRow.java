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

/**
 * The user's row in {@code users} is the lock every writer of that user's state takes first. The transaction
 * remembers the rows it holds with their event sequence, so that appending events does not lock them again.
 */
final class UserRow {
    private UserRow() {}

    /** The user's locked row: the newest event sequence and how many distinct conversations are in groups. */
    record Locked(long lastEventSeq, int groupedCount) {}

    /** Locks the user's row until the transaction ends; empty for an unknown user. */
    static Optional<Locked> lock(Jdbc jdbc, UserRef user) {
        Optional<Locked> row = jdbc.queryOne("SELECT last_event_seq, grouped_count FROM users "
                        + "WHERE corp_id = ? AND user_id = ? FOR UPDATE",
                rs -> new Locked(rs.getLong(1), rs.getInt(2)), user.corp().value(), user.user().value());
        row.ifPresent(r -> jdbc.transactions().locked(user, r.lastEventSeq()));
        return row;
    }

    /**
     * Locks several users' rows with one statement, in userId order; answers each found user's newest sequence.
     * Each row is named by its whole primary key, so the statement locks those rows and no others.
     */
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
        found.forEach((user, seq) -> jdbc.transactions().locked(new UserRef(corp, user), seq));
        return found;
    }
}
