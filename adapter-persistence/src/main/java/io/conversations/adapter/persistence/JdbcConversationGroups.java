package io.conversations.adapter.persistence;

import io.conversations.application.port.in.GroupSummary;
import io.conversations.application.port.out.ConversationGroups;
import io.conversations.domain.conversation.ConversationId;
import io.conversations.domain.group.ConversationGroup;
import io.conversations.domain.group.GroupName;
import io.conversations.domain.identity.UserRef;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Users' groups in {@code conversation_groups}, their conversations in {@code group_conversations}. */
final class JdbcConversationGroups implements ConversationGroups {
    private final Jdbc jdbc;

    JdbcConversationGroups(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<ConversationGroup> loadForUpdate(UserRef user) {
        // The user's row is the lock every writer of this user's groups and events takes first.
        UserRow.lock(jdbc, user);
        Map<String, List<ConversationId>> groups = new LinkedHashMap<>();
        jdbc.query("SELECT g.group_name, gc.conversation_id FROM conversation_groups g "
                        + "LEFT JOIN group_conversations gc ON gc.group_id = g.group_id "
                        + "WHERE g.corp_id = ? AND g.user_id = ? ORDER BY g.group_id, gc.position",
                rs -> {
                    List<ConversationId> members = groups.computeIfAbsent(rs.getString(1), k -> new ArrayList<>());
                    String conversation = rs.getString(2);
                    if (conversation != null) {
                        members.add(ConversationId.parse(conversation));
                    }
                    return null;
                }, user.corp().value(), user.user().value());
        List<ConversationGroup> out = new ArrayList<>();
        groups.forEach((name, members) -> out.add(new ConversationGroup(new GroupName(name), members)));
        return out;
    }

    @Override
    public boolean exists(UserRef user, GroupName name) {
        return groupId(user, name) != null;
    }

    @Override
    public List<GroupSummary> summaries(UserRef user) {
        return jdbc.query("SELECT g.group_name, COUNT(c.conversation_id), COALESCE(SUM(c.unread_count), 0) "
                        + "FROM conversation_groups g "
                        + "LEFT JOIN group_conversations gc ON gc.group_id = g.group_id "
                        + "LEFT JOIN conversations c ON c.corp_id = gc.corp_id AND c.user_id = gc.user_id "
                        + "AND c.conversation_id = gc.conversation_id "
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

    @Override
    public void delete(UserRef user, GroupName name) {
        Long id = groupId(user, name);
        if (id != null) {
            jdbc.update("DELETE FROM group_conversations WHERE group_id = ?", id);
            jdbc.update("DELETE FROM conversation_groups WHERE group_id = ?", id);
        }
    }

    @Override
    public void add(UserRef user, GroupName name, Collection<ConversationId> ids, long now) {
        if (ids.isEmpty()) {
            return;
        }
        long id = requireGroup(user, name);
        long last = jdbc.queryOne("SELECT COALESCE(MAX(position), 0) FROM group_conversations WHERE group_id = ?",
                rs -> rs.getLong(1), id).orElse(0L);
        List<Object[]> rows = new ArrayList<>();
        for (ConversationId conversation : ids) {
            rows.add(new Object[] {id, user.corp().value(), user.user().value(), conversation.toString(), now, ++last});
        }
        jdbc.insertRows("group_conversations", "group_id, corp_id, user_id, conversation_id, added_at, position", 6,
                rows);
    }

    @Override
    public void remove(UserRef user, GroupName name, Collection<ConversationId> ids) {
        if (ids.isEmpty()) {
            return;
        }
        long id = requireGroup(user, name);
        List<String> keys = ids.stream().map(ConversationId::toString).toList();
        List<Object> params = new ArrayList<>();
        params.add(id);
        params.addAll(keys);
        jdbc.update("DELETE FROM group_conversations WHERE group_id = ? AND conversation_id IN ("
                + Jdbc.placeholders(keys.size()) + ")", params.toArray());
    }

    @Override
    public List<GroupName> removeEverywhere(UserRef user, ConversationId id) {
        List<GroupName> names = jdbc.query("SELECT g.group_name FROM group_conversations gc "
                        + "JOIN conversation_groups g ON g.group_id = gc.group_id "
                        + "WHERE gc.corp_id = ? AND gc.user_id = ? AND gc.conversation_id = ? ORDER BY g.group_id",
                rs -> new GroupName(rs.getString(1)), user.corp().value(), user.user().value(), id.toString());
        jdbc.update("DELETE FROM group_conversations WHERE corp_id = ? AND user_id = ? AND conversation_id = ?",
                user.corp().value(), user.user().value(), id.toString());
        return names;
    }

    private Long groupId(UserRef user, GroupName name) {
        return jdbc.queryOne("SELECT group_id FROM conversation_groups WHERE corp_id = ? AND user_id = ? "
                        + "AND group_name = ?", rs -> rs.getLong(1),
                user.corp().value(), user.user().value(), name.value()).orElse(null);
    }

    private long requireGroup(UserRef user, GroupName name) {
        Long id = groupId(user, name);
        if (id == null) {
            throw new IllegalStateException("group '" + name + "' vanished inside its own transaction");
        }
        return id;
    }
}
