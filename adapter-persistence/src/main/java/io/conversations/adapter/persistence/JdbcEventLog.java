package io.conversations.adapter.persistence;

import io.conversations.application.port.in.EventPage;
import io.conversations.application.port.out.EventLog;
import io.conversations.domain.event.ConversationEvent;
import io.conversations.domain.event.RecordedEvent;
import io.conversations.domain.identity.UserRef;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Users' event logs in {@code events}. The sequence counter lives on the user's row, which is
 * locked to append: numbers are gap-free because they are taken and used in one transaction.
 */
final class JdbcEventLog implements EventLog {
    /** An event's columns as {@link #read} takes them. */
    static final String COLUMNS = "seq, event_type, data, created_at";

    private final Jdbc jdbc;
    private final JdbcTransactions transactions;

    JdbcEventLog(Jdbc jdbc, JdbcTransactions transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    @Override
    public void append(UserRef user, List<ConversationEvent> events, long now) {
        if (events.isEmpty()) {
            return;
        }
        String corp = user.corp().value();
        String id = user.user().value();
        long last = UserRow.lock(jdbc, user)
                .orElseThrow(() -> new IllegalStateException("events for an unknown user " + user));
        List<Object[]> rows = new ArrayList<>();
        List<Object[]> changed = new ArrayList<>();
        for (ConversationEvent event : events) {
            rows.add(new Object[] {corp, id, ++last, event.type(), EventCodec.encode(event), now});
            if (event instanceof ConversationEvent.ConversationListUpdated listed) {
                for (var conversation : listed.conversations()) {
                    changed.add(new Object[] {last, corp, id, conversation.id().toString()});
                }
            }
        }
        // A list cursor leaves out conversations listed by an event after its first page (see ListPosition).
        jdbc.batch("UPDATE conversations SET changed_seq = ? WHERE corp_id = ? AND user_id = ? AND conversation_id = ?",
                changed);
        jdbc.batch("INSERT INTO events (corp_id, user_id, seq, event_type, data, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                rows);
        jdbc.update("UPDATE users SET last_event_seq = ? WHERE corp_id = ? AND user_id = ?", last, corp, id);
        transactions.eventsAppended();
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

    @Override
    public int prune(long recordedBefore, int limit) {
        return jdbc.update("DELETE FROM events WHERE created_at < ? LIMIT ?", recordedBefore, limit);
    }

    @Override
    public long lastSeq(UserRef user) {
        return jdbc.queryOne("SELECT last_event_seq FROM users WHERE corp_id = ? AND user_id = ?",
                rs -> rs.getLong(1), user.corp().value(), user.user().value()).orElse(0L);
    }
}
