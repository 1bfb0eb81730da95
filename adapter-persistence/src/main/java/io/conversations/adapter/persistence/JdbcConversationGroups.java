package io.conversations.adapter.persistence;

import io.conversations.application.model.GroupSummary;
import io.conversations.application.port.out.ConversationGroups;
import io.conversations.domain.conversation.ConversationId;
import io.conversations.domain.group.GroupsSnapshot;
import io.conversations.domain.identity.GroupName;
import io.conversations.domain.identity.UserRef;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Users' groups in {@code conversation_groups}, their conversations in {@code group_conversations}, and the
 * user's count of distinct grouped conversations in {@code users.grouped_count}. No statement here reads a
 * whole group except deleting one.
 */
final class JdbcConversationGroups implements ConversationGroups {
    /** The group of the user with a given name, for statements that change its rows. */
    private static final String GROUP_ID = "(SELECT group_id FROM conversation_groups "
            + "WHERE corp_id = ? AND user_id = ? AND group_name = ?)";

    private final Jdbc jdbc;

    JdbcConversationGroups(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Locks the user's row (the lock every writer of the user's groups and events takes first), then reads the
     * group names and, for the conversations the change names, whether the user has them and their groups: both in
     * one statement.
     */
    @Override
    public GroupsSnapshot loadForUpdate(UserRef user, Collection<ConversationId> concerned) {
        int grouped = UserRow.lock(jdbc, user).map(UserRow.Locked::groupedCount).orElse(0);
        List<String> keys = concerned.stream().map(ConversationId::toString).distinct().toList();
        StringBuilder sql = new StringBuilder("SELECT 0, group_id, group_name, '' FROM conversation_groups "
                + "WHERE corp_id = ? AND user_id = ?");
        List<Object> params = new ArrayList<>(List.of(user.corp().value(), user.user().value()));
        if (!keys.isEmpty()) {
            sql.append(" UNION ALL SELECT 1, 0, g.group_name, c.conversation_id FROM conversations c "
                    + "LEFT JOIN group_conversations gc ON gc.corp_id = c.corp_id AND gc.user_id = c.user_id "
                    + "AND gc.conversation_id = c.conversation_id "
                    + "LEFT JOIN conversation_groups g ON g.group_id = gc.group_id "
                    + "WHERE c.corp_id = ? AND c.user_id = ? AND c.conversation_id IN (")
                    .append(Jdbc.placeholders(keys.size())).append(")");
            params.add(user.corp().value());
            params.add(user.user().value());
            params.addAll(keys);
        }
        sql.append(" ORDER BY 1, 2");
        List<GroupName> names = new ArrayList<>();
        Set<ConversationId> owned = new HashSet<>();
        Map<ConversationId, Set<GroupName>> groupsOf = new HashMap<>();
        jdbc.query(sql.toString(), rs -> {
            if (rs.getInt(1) == 0) {
                names.add(new GroupName(rs.getString(3)));
            } else {
                ConversationId id = ConversationId.parse(rs.getString(4));
                owned.add(id);
                String group = rs.getString(3);
                if (group != null) {
                    groupsOf.computeIfAbsent(id, k -> new HashSet<>()).add(new GroupName(group));
                }
            }
            return null;
        }, params.toArray());
        return new GroupsSnapshot(names, grouped, owned, groupsOf);
    }

    @Override
    public boolean exists(UserRef user, GroupName name) {
        return jdbc.queryOne("SELECT 1 FROM conversation_groups WHERE corp_id = ? AND user_id = ? AND group_name = ?",
                rs -> true, user.corp().value(), user.user().value(), name.value()).isPresent();
    }

    @Override
    public List<GroupSummary> summaries(UserRef user) {
        return jdbc.query("SELECT g.group_name, COUNT(c.conversation_id), COALESCE(SUM("
                        + JdbcConversations.COUNTED_UNREAD + "), 0) FROM conversation_groups g "
                        + "LEFT JOIN group_conversations gc ON gc.group_id = g.group_id "
                        + "LEFT JOIN conversations c ON c.corp_id = gc.corp_id AND c.user_id = gc.user_id "
                        + "AND c.conversation_id = gc.conversation_id "
                        + "LEFT JOIN chats ch ON ch.corp_id = c.corp_id AND ch.chat_id = c.chat_id "
                        + "WHERE g.corp_id = ? AND g.user_id = ? GROUP BY g.group_id, g.group_name ORDER BY g.group_id",
                rs -> new GroupSummary(new GroupName(rs.getString(1)), rs.getInt(2), rs.getLong(3)),
                user.corp().value(), user.user().value());
    }

    @Override
    public void create(UserRef user, GroupName name, long now) {
        jdbc.update("INSERT INTO conversation_groups (corp_id, user_id, group_name, created_at) VALUES (?, ?, ?, ?)",
                user.corp().value(), user.user().value(), name.value(), now);
    }

    @Override
    public void rename(UserRef user, GroupName from, GroupName to) {
        jdbc.update("UPDATE conversation_groups SET group_name = ? WHERE corp_id = ? AND user_id = ? AND group_name = ?",
                to.value(), user.corp().value(), user.user().value(), from.value());
    }

    /** Deletes the group with its rows (one statement each), then counts the user's grouped conversations again. */
    @Override
    public void delete(UserRef user, GroupName name) {
        String corp = user.corp().value();
        String id = user.user().value();
        jdbc.update("DELETE FROM group_conversations WHERE group_id = " + GROUP_ID, corp, id, name.value());
        jdbc.update("DELETE FROM conversation_groups WHERE corp_id = ? AND user_id = ? AND group_name = ?",
                corp, id, name.value());
        countAgain(user);
    }

    /** One statement: the group's row joined to the user's conversations among {@code ids}. */
    @Override
    public void add(UserRef user, GroupName name, Collection<ConversationId> ids, long now) {
        if (ids.isEmpty()) {
            return;
        }
        List<String> keys = ids.stream().map(ConversationId::toString).distinct().toList();
        jdbc.update("INSERT INTO group_conversations (group_id, corp_id, user_id, conversation_id, added_at) "
                        + "SELECT g.group_id, c.corp_id, c.user_id, c.conversation_id, ? FROM conversation_groups g "
                        + "JOIN conversations c ON c.corp_id = g.corp_id AND c.user_id = g.user_id "
                        + "WHERE g.corp_id = ? AND g.user_id = ? AND g.group_name = ? AND c.conversation_id IN ("
                        + Jdbc.placeholders(keys.size()) + ")",
                Jdbc.params(now, user.corp().value(), user.user().value(), name.value(), keys));
    }

    @Override
    public void remove(UserRef user, GroupName name, Collection<ConversationId> ids) {
        if (ids.isEmpty()) {
            return;
        }
        List<String> keys = ids.stream().map(ConversationId::toString).distinct().toList();
        jdbc.update("DELETE FROM group_conversations WHERE corp_id = ? AND user_id = ? AND conversation_id IN ("
                        + Jdbc.placeholders(keys.size()) + ") AND group_id = " + GROUP_ID,
                Jdbc.params(user.corp().value(), user.user().value(), keys, user.corp().value(), user.user().value(),
                        name.value()));
    }

    /** Written back with the user's row (and its event sequence) just before the commit. */
    @Override
    public void storeGroupedCount(UserRef user, int groupedCount) {
        jdbc.transactions().groupedCountChanged(user, groupedCount);
    }

    @Override
    public List<GroupName> removeEverywhere(UserRef user, ConversationId id) {
        List<GroupName> names = jdbc.query("SELECT g.group_name FROM group_conversations gc "
                        + "JOIN conversation_groups g ON g.group_id = gc.group_id "
                        + "WHERE gc.corp_id = ? AND gc.user_id = ? AND gc.conversation_id = ? ORDER BY g.group_id",
                rs -> new GroupName(rs.getString(1)), user.corp().value(), user.user().value(), id.toString());
        if (!names.isEmpty()) {
            jdbc.update("DELETE FROM group_conversations WHERE corp_id = ? AND user_id = ? AND conversation_id = ?",
                    user.corp().value(), user.user().value(), id.toString());
            countAgain(user);
        }
        return names;
    }

    /** The user's grouped count after a change the use case could not count: written back with the user's row. */
    private void countAgain(UserRef user) {
        int count = jdbc.queryOne("SELECT COUNT(DISTINCT conversation_id) FROM group_conversations "
                        + "WHERE corp_id = ? AND user_id = ?", rs -> rs.getInt(1), user.corp().value(), user.user().value())
                .orElse(0);
        jdbc.transactions().groupedCountChanged(user, count);
    }
}
