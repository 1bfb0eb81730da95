package io.conversations.adapter.persistence;

import io.conversations.domain.chat.ChatId;
import io.conversations.domain.identity.CorpId;
import io.conversations.domain.identity.UserId;
import io.conversations.domain.identity.UserRef;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** The feed over {@code events.feed_id}: small rows to learn what is new, then the bodies only where wanted. */
final class JdbcEventFeed implements EventFeed {
    private final Jdbc jdbc;
    private final boolean embedded;

    JdbcEventFeed(Jdbc jdbc, boolean embedded) {
        this.jdbc = jdbc;
        this.embedded = embedded;
    }

    @Override
    public long positionBefore(long recordedBefore) {
        // Walks ix_events_created backwards to one row (ordering by feed_id too sorted every older event: seconds).
        return jdbc.queryOne("SELECT feed_id FROM events WHERE created_at < ? ORDER BY created_at DESC LIMIT 1",
                rs -> rs.getLong(1), recordedBefore).orElse(0L);
    }

    @Override
    public List<Entry> after(long after, Collection<Missing> missing, int limit) {
        List<Object> params = new ArrayList<>();
        String where = positions(after, missing, params);
        params.add(limit);
        return jdbc.query("SELECT feed_id, corp_id, user_id, seq FROM events WHERE " + where + " ORDER BY feed_id LIMIT ?",
                rs -> new Entry(rs.getLong(1), user(rs, 2), rs.getLong(4)), params.toArray());
    }

    @Override
    public long chatPositionBefore(long recordedBefore) {
        return jdbc.queryOne("SELECT feed_id FROM chat_feed WHERE created_at < ? ORDER BY created_at DESC LIMIT 1",
                rs -> rs.getLong(1), recordedBefore).orElse(0L);
    }

    @Override
    public List<ChatEntry> chatsAfter(long after, Collection<Missing> missing, int limit) {
        List<Object> params = new ArrayList<>();
        String where = positions(after, missing, params);
        params.add(limit);
        return jdbc.query("SELECT feed_id, corp_id, chat_id FROM chat_feed WHERE " + where + " ORDER BY feed_id LIMIT ?",
                rs -> new ChatEntry(rs.getLong(1), new CorpId(rs.getString(2)), new ChatId(rs.getString(3))),
                params.toArray());
    }

    /** The condition on {@code feed_id} for the positions past {@code after} and the runs of {@code missing}. */
    private static String positions(long after, Collection<Missing> missing, List<Object> params) {
        StringBuilder where = new StringBuilder("feed_id > ?");
        params.add(after);
        for (Missing run : missing) {
            if (run.first() == run.last()) {
                where.append(" OR feed_id = ?");
                params.add(run.first());
            } else if (run.stride() == 1) {
                where.append(" OR feed_id BETWEEN ? AND ?");
                params.add(run.first());
                params.add(run.last());
            } else {
                // The range is read through the primary key; MOD keeps the run's own class (the others were seen).
                where.append(" OR (feed_id BETWEEN ? AND ? AND MOD(feed_id - ?, ?) = 0)");
                params.addAll(List.of(run.first(), run.last(), run.first(), run.stride()));
            }
        }
        return where.toString();
    }

    @Override
    public long positionStep() {
        if (embedded) {
            return 1;
        }
        // The global value: Galera changes it when the cluster changes size, and a session's copy is as of its start.
        return jdbc.queryOne("SELECT @@GLOBAL.auto_increment_increment", rs -> rs.getLong(1)).orElse(1L);
    }

    @Override
    public List<UserEvent> load(Collection<Long> positions) {
        if (positions.isEmpty()) {
            return List.of();
        }
        return jdbc.query("SELECT corp_id, user_id, " + JdbcEventLog.COLUMNS + " FROM events WHERE feed_id IN ("
                        + Jdbc.placeholders(positions.size()) + ") ORDER BY feed_id",
                rs -> new UserEvent(user(rs, 1), JdbcEventLog.read(rs, 3)), positions.toArray());
    }

    private static UserRef user(ResultSet rs, int first) throws SQLException {
        return new UserRef(new CorpId(rs.getString(first)), new UserId(rs.getString(first + 1)));
    }
}
