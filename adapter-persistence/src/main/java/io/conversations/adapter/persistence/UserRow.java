package io.conversations.adapter.persistence;

import io.conversations.domain.identity.CorpId;
import io.conversations.domain.identity.UserId;
import io.conversations.domain.identity.UserRef;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The user's row in {@code users} is the lock every writer of that user's state takes first. The transaction
 * holds the rows it locked with their event sequence and grouped count; what it changes of them (events appended,
 * conversations grouped) is written back with one statement just before it commits.
 */
final class UserRow {
    private UserRow() {}

    /** The user's locked row: the newest event sequence and how many distinct conversations are in groups. */
    record Locked(long lastEventSeq, int groupedCount) {}

    /** A row the current transaction holds: its values as the transaction has left them so far. */
    static final class Held {
        private long seq;
        private boolean seqChanged;
        private Integer groupedCount;

        Held(long seq) {
            this.seq = seq;
        }

        long seq() {
            return seq;
        }

        void appended(long newSeq) {
            seq = newSeq;
            seqChanged = true;
        }

        void grouped(int count) {
            groupedCount = count;
        }

        boolean changed() {
            return seqChanged || groupedCount != null;
        }
    }

    /** Locks the user's row until the transaction ends; empty for an unknown user. */
    static Optional<Locked> lock(Jdbc jdbc, UserRef user) {
        Optional<Locked> row = jdbc.queryOne("SELECT last_event_seq, grouped_count FROM users "
                        + "WHERE corp_id = ? AND user_id = ? FOR UPDATE",
                rs -> new Locked(rs.getLong(1), rs.getInt(2)), user.corp().value(), user.user().value());
        row.ifPresent(r -> jdbc.transactions().locked(user, r.lastEventSeq()));
        return row;
    }

    /**
     * Locks several users' rows with one statement, in userId order; answers each found user's event sequence as
     * the transaction has it. Rows the transaction holds already are not locked again. Each row is named by its
     * whole primary key, so the statement locks those rows and no others.
     */
    static Map<UserId, Long> lockAll(Jdbc jdbc, CorpId corp, Collection<UserId> users) {
        Map<UserId, Long> found = new HashMap<>();
        List<String> ids = new ArrayList<>();
        for (UserId user : users) {
            Long held = jdbc.transactions().heldSeq(new UserRef(corp, user));
            if (held != null) {
                found.put(user, held);
            } else {
                ids.add(user.value());
            }
        }
        ids = ids.stream().distinct().sorted().toList();
        if (ids.isEmpty()) {
            return found;
        }
        jdbc.query("SELECT user_id, last_event_seq FROM users WHERE corp_id = ? AND user_id IN ("
                        + Jdbc.placeholders(ids.size()) + ") ORDER BY user_id FOR UPDATE",
                rs -> {
                    UserId user = new UserId(rs.getString(1));
                    jdbc.transactions().locked(new UserRef(corp, user), rs.getLong(2));
                    return found.put(user, rs.getLong(2));
                },
                Stream.concat(Stream.of(corp.value()), ids.stream()).toArray());
        return found;
    }

    /** Writes back what the transaction changed of the rows it holds: one statement per corp, none if nothing. */
    static void writeBack(Jdbc jdbc, Map<UserRef, Held> held) {
        Map<String, Map<String, Held>> changed = new TreeMap<>();
        held.forEach((user, row) -> {
            if (row.changed()) {
                changed.computeIfAbsent(user.corp().value(), c -> new TreeMap<>()).put(user.user().value(), row);
            }
        });
        changed.forEach((corp, rows) -> {
            List<Object> seqs = new ArrayList<>();
            List<Object> counts = new ArrayList<>();
            rows.forEach((user, row) -> {
                seqs.addAll(List.of(user, row.seq));
                if (row.groupedCount != null) {
                    counts.addAll(List.of(user, row.groupedCount));
                }
            });
            String grouped = counts.isEmpty() ? "" : ", grouped_count = CASE user_id"
                    + " WHEN ? THEN ?".repeat(counts.size() / 2) + " ELSE grouped_count END";
            jdbc.update("UPDATE users SET last_event_seq = CASE user_id" + " WHEN ? THEN ?".repeat(rows.size())
                            + " END" + grouped + " WHERE corp_id = ? AND user_id IN (" + Jdbc.placeholders(rows.size())
                            + ")", Jdbc.params(seqs, counts, corp, rows.keySet()));
        });
    }
}
