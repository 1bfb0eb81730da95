package io.conversations.adapter.persistence;

import io.conversations.application.model.ConversationQuery;
import io.conversations.application.model.ListPosition;
import io.conversations.application.port.out.Conversations;
import io.conversations.domain.chat.ChatId;
import io.conversations.domain.chat.ChatType;
import io.conversations.domain.chat.Message;
import io.conversations.domain.conversation.Conversation;
import io.conversations.domain.conversation.ConversationChange;
import io.conversations.domain.conversation.ConversationId;
import io.conversations.domain.identity.CorpId;
import io.conversations.domain.identity.GroupName;
import io.conversations.domain.identity.UserId;
import io.conversations.domain.identity.UserRef;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Users' conversations in the {@code conversations} table, read together with their chat (title,
 * avatars, size), the peer of a one-to-one chat, and the groups they are in.
 */
final class JdbcConversations implements Conversations {
    private static final String FIELDS = "c.conversation_id, c.chat_id, c.is_pinned, c.draft_text, "
            + "c.custom_data, c.unread_count, c.activity_at, c.updated_at, c.chat_type, "
            + "ch.title, ch.avatar_icons, ch.member_count, p.user_id, p.nick, p.avatar_url, c.hidden, c.user_id, "
            + JdbcMessages.COLUMNS;
    private static final String COLUMNS = "SELECT " + FIELDS + " FROM ";
    private static final String JOINS = "JOIN chats ch ON ch.corp_id = c.corp_id AND ch.chat_id = c.chat_id "
            + "LEFT JOIN users p ON p.corp_id = c.corp_id AND p.user_id = c.peer_id "
            + "LEFT JOIN messages m ON m.message_id = c.last_message_id ";
    private static final String SELECT = COLUMNS + "conversations c " + JOINS;
    /** The column after {@link #FIELDS}' last (the message's), where a select adds the group's name. */
    private static final int GROUP_NAME_COLUMN = 27;
    private static final String ORDER = " ORDER BY c.is_pinned DESC, c.activity_at DESC, c.conversation_id DESC";

    private final Jdbc jdbc;

    JdbcConversations(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void open(UserRef user, ConversationId id, ChatId chat, long now) {
        jdbc.update("INSERT INTO conversations (corp_id, user_id, conversation_id, chat_id, chat_type, peer_id, "
                        + "is_pinned, draft_text, custom_data, unread_count, hidden, activity_at, updated_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, FALSE, '', '', 0, FALSE, ?, ?) "
                        + "ON DUPLICATE KEY UPDATE hidden = FALSE",
                user.corp().value(), user.user().value(), id.toString(), chat.value(), id.type().name(),
                id.type() == ChatType.C2C ? id.target() : null, now, now);
    }

    @Override
    public void close(UserRef user, ConversationId id) {
        jdbc.update("DELETE FROM conversations WHERE corp_id = ? AND user_id = ? AND conversation_id = ?",
                user.corp().value(), user.user().value(), id.toString());
    }

    @Override
    public void recordMessage(CorpId corp, Message message) {
        jdbc.update("UPDATE conversations SET activity_at = ?, updated_at = ?, last_message_id = ?, hidden = FALSE, "
                        + "unread_count = unread_count + CASE WHEN user_id = ? THEN 0 ELSE 1 END "
                        + "WHERE corp_id = ? AND chat_id = ?",
                message.sentAt(), message.sentAt(), message.id(), message.sender().value(), corp.value(),
                message.chat().value());
    }

    /**
     * One statement for the chat: by chat, both stores look the conversations up through ix_conversations_chat (H2
     * uses an IN list only on an index's first column, so a list of conversation ids made it visit every
     * conversation of the corp).
     */
    @Override
    public void markListed(CorpId corp, ChatId chat, Map<UserId, Long> listedAtSeq) {
        if (listedAtSeq.isEmpty()) {
            return;
        }
        List<Object> params = new ArrayList<>();
        listedAtSeq.forEach((user, seq) -> params.addAll(List.of(user.value(), seq)));
        jdbc.update("UPDATE conversations SET changed_seq = CASE user_id" + " WHEN ? THEN ?".repeat(listedAtSeq.size())
                        + " ELSE changed_seq END WHERE corp_id = ? AND chat_id = ? AND user_id IN ("
                        + Jdbc.placeholders(listedAtSeq.size()) + ")",
                Jdbc.params(params, corp.value(), chat.value(), listedAtSeq.keySet().stream().map(UserId::value).toList()));
    }

    @Override
    public boolean change(UserRef user, ConversationId id, ConversationChange change, long now) {
        String set;
        Object value;
        if (change instanceof ConversationChange.Pin pin) {
            set = "is_pinned = ?";
            value = pin.pinned();
        } else if (change instanceof ConversationChange.Draft draft) {
            set = "draft_text = ?";
            value = draft.text();
        } else if (change instanceof ConversationChange.CustomData data) {
            set = "custom_data = ?";
            value = data.data();
        } else if (change instanceof ConversationChange.MarkRead) {
            set = "unread_count = ?";
            value = 0;
        } else if (change instanceof ConversationChange.Hide) {
            set = "hidden = ?";
            value = true;
        } else {
            throw new IllegalArgumentException("no column for the change " + change);
        }
        return jdbc.update("UPDATE conversations SET " + set + ", updated_at = ? "
                        + "WHERE corp_id = ? AND user_id = ? AND conversation_id = ?",
                value, now, user.corp().value(), user.user().value(), id.toString()) > 0;
    }

    @Override
    public Optional<Conversation> find(UserRef user, ConversationId id) {
        List<Conversation> found = findAll(user, List.of(id));
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    @Override
    public Optional<Conversation> findByChat(UserRef user, ChatId chat) {
        List<Row> rows = jdbc.query(SELECT + "WHERE c.corp_id = ? AND c.user_id = ? AND c.chat_id = ?",
                JdbcConversations::row, user.corp().value(), user.user().value(), chat.value());
        return withGroups(user, rows).stream().findFirst();
    }

    @Override
    public Map<UserId, Conversation> findByChat(CorpId corp, ChatId chat, Collection<UserId> members) {
        Map<UserId, Conversation> found = new LinkedHashMap<>();
        if (members.isEmpty()) {
            return found;
        }
        List<String> ids = members.stream().map(UserId::value).distinct().toList();
        // One row per member and group, the conversation's columns repeated: its groups come with it.
        Map<String, Row> rows = new LinkedHashMap<>();
        Map<String, List<GroupName>> groups = new HashMap<>();
        jdbc.query("SELECT " + FIELDS + ", g.group_name FROM conversations c " + JOINS
                        + "LEFT JOIN group_conversations gc ON gc.corp_id = c.corp_id AND gc.user_id = c.user_id "
                        + "AND gc.conversation_id = c.conversation_id "
                        + "LEFT JOIN conversation_groups g ON g.group_id = gc.group_id "
                        + "WHERE c.corp_id = ? AND c.chat_id = ? AND c.user_id IN (" + Jdbc.placeholders(ids.size())
                        + ") ORDER BY c.user_id, g.group_id",
                rs -> {
                    String user = rs.getString(17);
                    if (!rows.containsKey(user)) {
                        rows.put(user, row(rs));
                    }
                    String group = rs.getString(GROUP_NAME_COLUMN);
                    if (group != null) {
                        groups.computeIfAbsent(user, k -> new ArrayList<>()).add(new GroupName(group));
                    }
                    return null;
                }, Jdbc.params(corp.value(), chat.value(), ids));
        rows.forEach((user, r) -> found.put(new UserId(user), r.toConversation(groups.getOrDefault(user, List.of()))));
        return found;
    }

    @Override
    public List<Conversation> findAll(UserRef user, Collection<ConversationId> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<String> keys = ids.stream().map(ConversationId::toString).distinct().toList();
        List<Row> rows = jdbc.query(SELECT + "WHERE c.corp_id = ? AND c.user_id = ? AND c.conversation_id IN ("
                        + Jdbc.placeholders(keys.size()) + ")", JdbcConversations::row,
                Jdbc.params(user.corp().value(), user.user().value(), keys));
        Map<String, Row> byId = new HashMap<>();
        rows.forEach(r -> byId.put(r.id, r));
        List<Row> ordered = keys.stream().filter(byId::containsKey).map(byId::get).toList();
        return withGroups(user, ordered);
    }

    @Override
    public Set<ConversationId> existing(UserRef user, Collection<ConversationId> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        List<String> keys = ids.stream().map(ConversationId::toString).distinct().toList();
        return new LinkedHashSet<>(jdbc.query("SELECT conversation_id FROM conversations WHERE corp_id = ? "
                        + "AND user_id = ? AND conversation_id IN (" + Jdbc.placeholders(keys.size()) + ")",
                rs -> ConversationId.parse(rs.getString(1)),
                Jdbc.params(user.corp().value(), user.user().value(), keys)));
    }

    /**
     * The page's rows are chosen from {@code conversations} alone (its list index, in order, up to the limit) and
     * only then joined: as one flat query, MariaDB planned a user with 100,000 conversations from the corp's
     * chats instead, and sorted them all (a second per page).
     */
    @Override
    public List<Conversation> page(UserRef user, ConversationQuery query, int limit) {
        StringBuilder sql = new StringBuilder("SELECT c.* FROM conversations c ");
        if (query.titleContains().isPresent()) {
            sql.append(JOINS);
        }
        List<Object> params = new ArrayList<>();
        if (query.group().isPresent()) {
            sql.append("JOIN group_conversations gc ON gc.corp_id = c.corp_id AND gc.user_id = c.user_id "
                    + "AND gc.conversation_id = c.conversation_id "
                    + "JOIN conversation_groups g ON g.group_id = gc.group_id AND g.group_name = ? ");
            params.add(query.group().get().value());
        }
        sql.append("WHERE c.corp_id = ? AND c.user_id = ?");
        params.add(user.corp().value());
        params.add(user.user().value());
        if (!query.includeHidden()) {
            sql.append(" AND c.hidden = FALSE");
        }
        query.titleContains().ifPresent(text -> {
            // The title as the user sees it: the chat's, or for a one-to-one chat the peer's nick (or id).
            sql.append(" AND LOWER(CASE WHEN c.chat_type = 'C2C' THEN COALESCE(NULLIF(p.nick, ''), c.peer_id) "
                    + "ELSE ch.title END) LIKE ? ESCAPE '!'");
            params.add("%" + text.toLowerCase(java.util.Locale.ROOT).replace("!", "!!").replace("%", "!%")
                    .replace("_", "!_") + "%");
        });
        if (query.group().isPresent()) {
            sql.append(" AND g.corp_id = ? AND g.user_id = ?");
            params.add(user.corp().value());
            params.add(user.user().value());
        }
        query.type().ifPresent(type -> {
            sql.append(" AND c.chat_type = ?");
            params.add(type.name());
        });
        if (query.after().isPresent()) {
            ListPosition at = query.after().get();
            // Keyset, in the list's order (pinned DESC, activity DESC, id DESC): strictly after the last row.
            sql.append(" AND c.changed_seq <= ? AND (c.is_pinned < ? OR (c.is_pinned = ? AND (c.activity_at < ? "
                    + "OR (c.activity_at = ? AND c.conversation_id < ?))))");
            params.add(at.asOfSeq());
            params.add(at.pinned());
            params.add(at.pinned());
            params.add(at.activityAt());
            params.add(at.activityAt());
            params.add(at.id().toString());
        }
        sql.append(ORDER).append(" LIMIT ?");
        params.add(limit);
        String paged = COLUMNS + "(" + sql + ") c " + JOINS + ORDER;
        return withGroups(user, jdbc.query(paged, JdbcConversations::row, params.toArray()));
    }

    private List<Conversation> withGroups(UserRef user, List<Row> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<String> keys = rows.stream().map(r -> r.id).toList();
        Map<String, List<GroupName>> groups = new HashMap<>();
        jdbc.query("SELECT gc.conversation_id, g.group_name FROM group_conversations gc "
                        + "JOIN conversation_groups g ON g.group_id = gc.group_id "
                        + "WHERE gc.corp_id = ? AND gc.user_id = ? AND gc.conversation_id IN ("
                        + Jdbc.placeholders(keys.size()) + ") ORDER BY g.group_id",
                rs -> groups.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                        .add(new GroupName(rs.getString(2))),
                Jdbc.params(user.corp().value(), user.user().value(), keys));
        return rows.stream().map(r -> r.toConversation(groups.getOrDefault(r.id, List.of()))).toList();
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getString(4), rs.getString(5),
                rs.getInt(6), rs.getLong(7), rs.getLong(8), ChatType.valueOf(rs.getString(9)), rs.getString(10),
                rs.getString(11), rs.getInt(12), rs.getString(13), rs.getString(14), rs.getString(15),
                rs.getBoolean(16), rs.getString(17), JdbcMessages.read(rs, 18));
    }

    /** One row of the joined select, before the groups are added. */
    private record Row(String id, String chatId, boolean pinned, String draft, String customData, int unread,
                       long activityAt, long updatedAt, ChatType type, String chatTitle, String chatAvatars,
                       int memberCount, String peerId, String peerNick, String peerAvatar, boolean hidden,
                       String userId, Message lastMessage) {
        Conversation toConversation(List<GroupName> groups) {
            boolean c2c = type == ChatType.C2C;
            String title = c2c ? (peerNick == null || peerNick.isEmpty() ? peerId : peerNick) : chatTitle;
            List<String> avatars = c2c ? (peerAvatar == null || peerAvatar.isEmpty() ? List.of() : List.of(peerAvatar))
                    : AvatarList.split(chatAvatars);
            return new Conversation(ConversationId.parse(id), new ChatId(chatId), title, avatars, memberCount, unread,
                    Optional.ofNullable(lastMessage), pinned, groups, draft, customData, hidden, activityAt, updatedAt);
        }
    }
}
