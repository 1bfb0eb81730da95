package io.conversations.adapter.persistence;

import io.conversations.application.model.EventPage;
import io.conversations.application.port.out.EventLog;
import io.conversations.domain.event.ConversationEvent;
import io.conversations.domain.event.RecordedEvent;
import io.conversations.domain.identity.CorpId;
import io.conversations.domain.identity.UserId;
import io.conversations.domain.identity.UserRef;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Users' event logs in {@code events}. The sequence counter lives on the user's row, which is
 * locked to append: numbers are gap-free because they are taken and used in one transaction.
 */
final class JdbcEventLog implements EventLog {
    /** An event's columns as {@link #read} takes them. */
    static final String COLUMNS = "seq, event_type, data, created_at";
    /** How long the big chats' feed is kept. */
    static final long CHAT_FEED_KEPT_MILLIS = 3_600_000;

    private final Jdbc jdbc;
    private final JdbcTransactions transactions;

    JdbcEventLog(Jdbc jdbc, JdbcTransactions transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /**
     * Locks the users' rows the transaction does not hold yet (one statement, userId order), then writes every
     * user's events with one insert; the users' counters are written back with their rows just before the commit.
     */
    @Override
    public Map<UserRef, Long> appendAll(Map<UserRef, List<ConversationEvent>> events, long now) {
        Map<CorpId, List<UserRef>> byCorp = new TreeMap<>(Comparator.comparing(CorpId::value));
        events.forEach((user, list) -> {
            if (!list.isEmpty()) {
                byCorp.computeIfAbsent(user.corp(), c -> new ArrayList<>()).add(user);
            }
        });
        Map<UserRef, Long> first = new HashMap<>();
        byCorp.forEach((corp, users) -> appendInCorp(corp, users, events, now, first));
        return first;
    }

    private void appendInCorp(CorpId corp, List<UserRef> users, Map<UserRef, List<ConversationEvent>> events, long now,
                              Map<UserRef, Long> first) {
        // Rows this transaction locked already (every use case locks before it decides) are not locked again.
        Map<UserId, Long> last = UserRow.lockAll(jdbc, corp, users.stream().map(UserRef::user).toList());
        List<Object[]> rows = new ArrayList<>();
        for (UserRef user : users) {
            String id = user.user().value();
            Long seq = last.get(user.user());
            if (seq == null) {
                throw new IllegalStateException("events for an unknown user " + user);
            }
            first.put(user, seq + 1);
            for (ConversationEvent event : events.get(user)) {
                rows.add(new Object[] {corp.value(), id, ++seq, event.type(), EventCodec.encode(event), now});
            }
            // The counter is written back with the user's row before the commit (UserRow.writeBack).
            transactions.eventsAppended(user, seq);
        }
        jdbc.insertRows("events", "corp_id, user_id, seq, event_type, data, created_at", 6, rows);
    }

    @Override
    public EventPage readAfter(UserRef user, long after, int limit) {
        long last = lastSeq(user);
        List<RecordedEvent> events = jdbc.query("SELECT " + COLUMNS + " FROM events "
                        + "WHERE corp_id = ? AND user_id = ? AND seq > ? ORDER BY seq LIMIT ?",
                rs -> read(rs, 1), user.corp().value(), user.user().value(), after, limit);
        return new EventPage(events, last);
    }

    /** Reads an event from the {@link #COLUMNS} starting at column {@code first}. */
    static RecordedEvent read(ResultSet rs, int first) throws SQLException {
        return new RecordedEvent(rs.getLong(first), EventCodec.decode(rs.getString(first + 1), rs.getString(first + 2)),
                rs.getLong(first + 3));
    }

    /**
     * {@inheritDoc} The big chats' feed goes too, past an hour (a node's tail reads it back 10 s at its start and
     * asks for its gaps for a minute; nothing else reads it): the count is of both.
     */
    @Override
    public int prune(long recordedBefore, int limit) {
        int events = jdbc.update("DELETE FROM events WHERE created_at < ? LIMIT ?", recordedBefore, limit);
        long feedBefore = Math.max(recordedBefore, System.currentTimeMillis() - CHAT_FEED_KEPT_MILLIS);
        return events + jdbc.update("DELETE FROM chat_feed WHERE created_at < ? LIMIT ?", feedBefore, limit);
    }

    @Override
    public long lastSeq(UserRef user) {
        Long held = transactions.heldSeq(user);
        if (held != null) {
            return held;
        }
        return jdbc.queryOne("SELECT last_event_seq FROM users WHERE corp_id = ? AND user_id = ?",
                rs -> rs.getLong(1), user.corp().value(), user.user().value()).orElse(0L);
    }
}
