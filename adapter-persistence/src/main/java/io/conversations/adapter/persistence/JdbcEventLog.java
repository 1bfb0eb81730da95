package io.conversations.adapter.persistence;

import io.conversations.application.port.in.EventPage;
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

    private final Jdbc jdbc;
    private final JdbcTransactions transactions;

    JdbcEventLog(Jdbc jdbc, JdbcTransactions transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /**
     * Locks the users' rows the transaction does not hold yet (one statement, userId order), then writes every
     * user's events with one insert and moves the counters and the conversations' {@code changed_seq} with one
     * update each, however many users.
     */
    @Override
    public void appendAll(Map<UserRef, List<ConversationEvent>> events, long now) {
        Map<CorpId, List<UserRef>> byCorp = new TreeMap<>(Comparator.comparing(CorpId::value));
        events.forEach((user, list) -> {
            if (!list.isEmpty()) {
                byCorp.computeIfAbsent(user.corp(), c -> new ArrayList<>()).add(user);
            }
        });
        byCorp.forEach((corp, users) -> appendInCorp(corp, users, events, now));
    }

    private void appendInCorp(CorpId corp, List<UserRef> users, Map<UserRef, List<ConversationEvent>> events, long now) {
        // Rows this transaction locked already (every use case locks before it decides) are not locked again.
        Map<UserId, Long> last = new HashMap<>();
        List<UserId> notHeld = new ArrayList<>();
        for (UserRef user : users) {
            Long held = transactions.heldSeq(user);
            if (held == null) {
                notHeld.add(user.user());
            } else {
                last.put(user.user(), held);
            }
        }
        last.putAll(UserRow.lockAll(jdbc, corp, notHeld));
        List<Object[]> rows = new ArrayList<>();
        List<Object> seqCases = new ArrayList<>();
        List<Object> changedCases = new ArrayList<>();
        for (UserRef user : users) {
            String id = user.user().value();
            Long seq = last.get(user.user());
            if (seq == null) {
                throw new IllegalStateException("events for an unknown user " + user);
            }
            for (ConversationEvent event : events.get(user)) {
                rows.add(new Object[] {corp.value(), id, ++seq, event.type(), EventCodec.encode(event), now});
                if (event instanceof ConversationEvent.ConversationListUpdated listed) {
                    for (var conversation : listed.conversations()) {
                        changedCases.addAll(List.of(id, conversation.id().toString(), seq));
                    }
                }
            }
            seqCases.addAll(List.of(id, seq));
            transactions.eventsAppended(user, seq);
        }
        // A list cursor leaves out conversations listed by an event after its first page (see ListPosition).
        if (!changedCases.isEmpty()) {
            int n = changedCases.size() / 3;
            // CASE takes the first match: newest first, so a conversation listed twice ends at its later seq.
            List<Object> params = new ArrayList<>();
            for (int i = changedCases.size() - 3; i >= 0; i -= 3) {
                params.addAll(changedCases.subList(i, i + 3));
            }
            params.add(corp.value());
            params.addAll(users.stream().map(u -> u.user().value()).toList());
            jdbc.update("UPDATE conversations SET changed_seq = CASE"
                    + " WHEN user_id = ? AND conversation_id = ? THEN ?".repeat(n) + " ELSE changed_seq END"
                    + " WHERE corp_id = ? AND user_id IN (" + Jdbc.placeholders(users.size()) + ")"
                    + " AND conversation_id IN (" + Jdbc.placeholders(n) + ")", withIds(params, changedCases));
        }
        jdbc.insertRows("events", "corp_id, user_id, seq, event_type, data, created_at", 6, rows);
        List<Object> params = new ArrayList<>(seqCases);
        params.add(corp.value());
        params.addAll(users.stream().map(u -> u.user().value()).toList());
        jdbc.update("UPDATE users SET last_event_seq = CASE user_id" + " WHEN ? THEN ?".repeat(users.size())
                + " END WHERE corp_id = ? AND user_id IN (" + Jdbc.placeholders(users.size()) + ")", params.toArray());
    }

    /** The params followed by the conversation id of each (user, conversation, seq) triple. */
    private static Object[] withIds(List<Object> params, List<Object> triples) {
        for (int i = 1; i < triples.size(); i += 3) {
            params.add(triples.get(i));
        }
        return params.toArray();
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
