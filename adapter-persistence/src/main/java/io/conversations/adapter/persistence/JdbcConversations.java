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
import io.conversations.domain.conversation.Marks;
import io.conversations.domain.conversation.RemindType;
import io.conversations.domain.identity.CorpId;
import io.conversations.domain.identity.GroupName;
import io.conversations.domain.identity.UserId;
import io.conversations.domain.identity.UserRef;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Users' conversations in the {@code conversations} table, read together with their chat (title,
 * avatars, size), the peer of a one-to-one chat, and the groups they are in. A conversation of a big chat
 * ({@code big}) is derived on read from the chat's row and its own: unread = the chat's {@code msg_seq} less the
 * user's {@code unread_base}; the chat's newest message; the later of the user's and the chat's activity; hidden
 * until the chat's {@code msg_seq} passes {@code hidden_seq}. A discarding conversation ({@code remind_type}
 * Discard) has nothing unread and keeps its own activity and hiding; no last message shows that is not newer than
 * a cleared history ({@code cleared_message_id}).
 */
final class JdbcConversations implements Conversations {
    /** What the user sees of a conversation, small or big: each read goes through these. */
    private static final String DISCARD = "c.remind_type = 'Discard'";
    private static final String UNREAD = "CASE WHEN " + DISCARD + " THEN 0 WHEN c.big THEN ch.msg_seq - c.unread_base "
            + "ELSE c.unread_count END";
    private static final String ACTIVITY = "CASE WHEN c.big AND NOT " + DISCARD
            + " THEN GREATEST(c.activity_at, ch.activity_at) ELSE c.activity_at END";
    private static final String UPDATED = "CASE WHEN c.big THEN GREATEST(c.updated_at, ch.activity_at) ELSE c.updated_at END";
    private static final String HIDDEN = "CASE WHEN c.big THEN (c.hidden AND (ch.msg_seq <= c.hidden_seq OR " + DISCARD + ")) "
            + "ELSE c.hidden END";
    /** What the user's total and their groups' badges count: unread of the list's conversations, muted ones left out. */
    static final String COUNTED_UNREAD = "CASE WHEN c.remind_type = 'AcceptNotNotify' OR " + HIDDEN + " THEN 0 ELSE "
            + UNREAD + " END";
    private static final String LAST_MESSAGE = "CASE WHEN c.big THEN ch.last_message_id ELSE c.last_message_id END";
    private static final String FIELDS = "c.conversation_id, c.chat_id, c.is_pinned, c.draft_text, "
            + "c.custom_data, " + UNREAD + ", " + ACTIVITY + ", " + UPDATED + ", c.chat_type, "
            + "ch.title, ch.avatar_icons, ch.member_count, p.user_id, p.nick, p.avatar_url, " + HIDDEN + ", c.user_id, "
            + JdbcMessages.COLUMNS + ", ch.version, c.marks, c.remind_type";
    private static final String COLUMNS = "SELECT " + FIELDS + " FROM ";
    /** The chat alone, for the page's own choice of rows. */
    private static final String CHAT = "JOIN chats ch ON ch.corp_id = c.corp_id AND ch.chat_id = c.chat_id ";
    private static final String JOINS = CHAT
            + "LEFT JOIN users p ON p.corp_id = c.corp_id AND p.user_id = c.peer_id "
            + "LEFT JOIN messages m ON m.message_id = " + LAST_MESSAGE + " AND m.message_id > c.cleared_message_id ";
    private static final String SELECT = COLUMNS + "conversations c " + JOINS;
    /** The chat's version, read with the conversation (the column after the message's). */
    private static final int VERSION_COLUMN = 27;
    /** The column after {@link #FIELDS}' last, where a select adds the group's name. */
    private static final int GROUP_NAME_COLUMN = 30;
    private static final String ORDER = " ORDER BY c.is_pinned DESC, " + ACTIVITY + " DESC, c.conversation_id DESC";
    /** The list's order, in memory: what merges a page's small and big conversations. */
    private static final Comparator<Conversation> LIST_ORDER = Comparator.comparing(Conversation::pinned).reversed()
            .thenComparing(Comparator.comparingLong(Conversation::activityAt).reversed())
            .thenComparing(Comparator.comparing((Conversation c) -> c.id().toString()).reversed());

    private final Jdbc jdbc;

    JdbcConversations(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The chat's row gives the rest: whether it is big, and for a big chat the count of messages so far (none of
     * them unread) and its version (told: the user's own event tells of the new conversation). Either way the
     * conversation shows the chat's newest message, if it has one.
     */
    @Override
    public void open(UserRef user, ConversationId id, ChatId chat, long now) {
        openAll(user.corp(), id, chat, List.of(user.user()), now);
    }

    /** The chat's state read once, then one statement for every 500 members (a chat of 5,000 is created with 10). */
    @Override
    public void openAll(CorpId corp, ConversationId id, ChatId chat, Collection<UserId> members, long now) {
        Object[] state = jdbc.queryOne("SELECT ch.big, ch.msg_seq, ch.version, (SELECT MAX(m.message_id) FROM messages m "
                        + "WHERE m.corp_id = ch.corp_id AND m.chat_id = ch.chat_id) FROM chats ch "
                        + "WHERE ch.corp_id = ? AND ch.chat_id = ?",
                rs -> new Object[] {rs.getBoolean(1), rs.getLong(2), rs.getLong(3), rs.getObject(4)},
                corp.value(), chat.value()).orElseThrow(() -> new IllegalStateException("no chat " + chat));
        List<String> users = members.stream().map(UserId::value).distinct().toList();
        for (int from = 0; from < users.size(); from += 500) {
            List<String> chunk = users.subList(from, Math.min(users.size(), from + 500));
            List<Object> params = new ArrayList<>();
            for (String user : chunk) {
                params.addAll(Arrays.asList(corp.value(), user, id.toString(), chat.value(), id.type().name(),
                        id.type() == ChatType.C2C ? id.target() : null, now, now, state[3], state[0], state[1], state[2]));
            }
            jdbc.update("INSERT INTO conversations (corp_id, user_id, conversation_id, chat_id, chat_type, peer_id, "
                            + "is_pinned, draft_text, custom_data, unread_count, hidden, activity_at, updated_at, "
                            + "last_message_id, big, unread_base, seen_version) VALUES "
                            + String.join(", ", Collections.nCopies(chunk.size(),
                                    "(?, ?, ?, ?, ?, ?, FALSE, '', '', 0, FALSE, ?, ?, ?, ?, ?, ?)"))
                            + " ON DUPLICATE KEY UPDATE hidden = FALSE", params.toArray());
        }
    }

    @Override
    public void close(UserRef user, ConversationId id) {
        jdbc.update("DELETE FROM conversations WHERE corp_id = ? AND user_id = ? AND conversation_id = ?",
                user.corp().value(), user.user().value(), id.toString());
    }

    /** A member who discards the chat's messages counts none unread, and only their own moves it up or back. */
    @Override
    public void recordMessage(CorpId corp, Message message) {
        String sender = message.sender().value();
        String others = "remind_type = 'Discard' AND user_id <> ?";
        jdbc.update("UPDATE conversations SET activity_at = CASE WHEN " + others + " THEN activity_at ELSE ? END, "
                        + "updated_at = ?, last_message_id = ?, "
                        + "hidden = CASE WHEN " + others + " THEN hidden ELSE FALSE END, "
                        + "unread_count = unread_count + CASE WHEN user_id = ? OR remind_type = 'Discard' THEN 0 ELSE 1 END "
                        + "WHERE corp_id = ? AND chat_id = ?",
                sender, message.sentAt(), message.sentAt(), message.id(), sender, sender, corp.value(),
                message.chat().value());
    }

    @Override
    public void recordOwnMessage(UserRef sender, Message message, long version) {
        jdbc.update("UPDATE conversations SET unread_base = unread_base + 1, activity_at = GREATEST(activity_at, ?), "
                        + "updated_at = GREATEST(updated_at, ?), last_message_id = ?, hidden = FALSE, "
                        + "seen_version = GREATEST(seen_version, ?) WHERE corp_id = ? AND user_id = ? AND chat_id = ?",
                message.sentAt(), message.sentAt(), message.id(), version, sender.corp().value(),
                sender.user().value(), message.chat().value());
    }

    /**
     * Each member's row as the derived one reads the same: unread_base from their count, hidden until the next
     * message, their events told up to the chat's version (the chat is big already: its row gives msg_seq).
     */
    @Override
    public void deriveFromChat(CorpId corp, ChatId chat) {
        jdbc.update("UPDATE conversations SET big = TRUE, "
                        + "unread_base = (SELECT ch.msg_seq FROM chats ch WHERE ch.corp_id = ? AND ch.chat_id = ?) - unread_count, "
                        + "hidden_seq = (SELECT ch.msg_seq FROM chats ch WHERE ch.corp_id = ? AND ch.chat_id = ?), "
                        + "seen_version = (SELECT ch.version FROM chats ch WHERE ch.corp_id = ? AND ch.chat_id = ?) "
                        + "WHERE corp_id = ? AND chat_id = ?",
                corp.value(), chat.value(), corp.value(), chat.value(), corp.value(), chat.value(), corp.value(),
                chat.value());
    }

    @Override
    public Set<ChatId> bigChatsOf(UserRef user) {
        // The index holds (corp, user, big, conversation id): a big chat's conversation is GROUP<chatId>.
        return new LinkedHashSet<>(jdbc.query("SELECT conversation_id FROM conversations WHERE corp_id = ? "
                        + "AND user_id = ? AND big = TRUE", rs -> new ChatId(rs.getString(1).substring(5)),
                user.corp().value(), user.user().value()));
    }

    @Override
    public Map<UserId, List<Untold>> untold(CorpId corp, Collection<UserId> users) {
        Map<UserId, List<Untold>> found = new LinkedHashMap<>();
        if (users.isEmpty()) {
            return found;
        }
        List<String> ids = users.stream().map(UserId::value).distinct().toList();
        readWithGroups("c.corp_id = ? AND c.user_id IN (" + Jdbc.placeholders(ids.size()) + ") AND c.big = TRUE "
                + "AND c.seen_version < ch.version", Jdbc.params(corp.value(), ids))
                .forEach(read -> found.computeIfAbsent(new UserId(read.row().userId()), u -> new ArrayList<>())
                        .add(new Untold(read.conversation(), read.version())));
        return found;
    }

    /** A conversation as a statement of several users' read it: its row, its chat's version, its groups. */
    private record Read(Row row, long version, List<GroupName> groups) {
        Conversation conversation() {
            return row.toConversation(groups);
        }
    }

    /**
     * Several users' conversations with their groups, in one statement: one row per conversation and group, the
     * conversation's columns repeated (its groups come with it). In user, then conversation order.
     */
    private List<Read> readWithGroups(String where, Object... params) {
        Map<String, Read> reads = new LinkedHashMap<>();
        jdbc.query("SELECT " + FIELDS + ", g.group_name FROM conversations c " + JOINS
                        + "LEFT JOIN group_conversations gc ON gc.corp_id = c.corp_id AND gc.user_id = c.user_id "
                        + "AND gc.conversation_id = c.conversation_id "
                        + "LEFT JOIN conversation_groups g ON g.group_id = gc.group_id "
                        + "WHERE " + where + " ORDER BY c.user_id, c.conversation_id, g.group_id",
                rs -> {
                    String key = rs.getString(17) + " " + rs.getString(1);
                    Read read = reads.get(key);
                    if (read == null) {
                        read = new Read(row(rs), rs.getLong(VERSION_COLUMN), new ArrayList<>());
                        reads.put(key, read);
                    }
                    String group = rs.getString(GROUP_NAME_COLUMN);
                    if (group != null) {
                        read.groups().add(new GroupName(group));
                    }
                    return null;
                }, params);
        return List.copyOf(reads.values());
    }

    @Override
    public void markTold(CorpId corp, Map<UserId, Map<ChatId, Long>> versions) {
        Map<ChatId, Map<UserId, Long>> byChat = new LinkedHashMap<>();
        versions.forEach((user, chats) -> chats.forEach((chat, version) ->
                byChat.computeIfAbsent(chat, k -> new LinkedHashMap<>()).put(user, version)));
        byChat.forEach((chat, told) -> {
            List<Object> params = new ArrayList<>();
            told.forEach((user, version) -> params.addAll(List.of(user.value(), version)));
            jdbc.update("UPDATE conversations SET seen_version = GREATEST(seen_version, CASE user_id"
                            + " WHEN ? THEN ?".repeat(told.size()) + " ELSE seen_version END) "
                            + "WHERE corp_id = ? AND chat_id = ? AND user_id IN (" + Jdbc.placeholders(told.size()) + ")",
                    Jdbc.params(params, corp.value(), chat.value(), told.keySet().stream().map(UserId::value).toList()));
        });
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

    /** The chat's message count, in a statement that changes the user's conversation of it. */
    private static final String CHAT_MSG_SEQ = "(SELECT ch.msg_seq FROM chats ch WHERE ch.corp_id = conversations.corp_id "
            + "AND ch.chat_id = conversations.chat_id)";

    /** What clears a conversation's history: nothing so far read back to the user, nothing unread. */
    private static final String CLEAR_HISTORY = "cleared_message_id = COALESCE((SELECT MAX(m.message_id) FROM messages m "
            + "WHERE m.corp_id = conversations.corp_id AND m.chat_id = conversations.chat_id), 0), ";
    /** Nothing unread: a big chat's read up to its count as committed now (a send racing it counts after). */
    private static final String READ = "unread_count = 0, unread_base = CASE WHEN big THEN " + CHAT_MSG_SEQ
            + " ELSE unread_base END, ";

    /**
     * One statement for any change. A remind type from or to Discard starts the unread afresh (nothing received
     * while discarding counts), and from Discard a hidden big chat stays hidden until the next message; the type
     * itself is set last (MariaDB's SET sees the columns it set before).
     */
    @Override
    public boolean change(UserRef user, ConversationId id, ConversationChange change, long now) {
        StringBuilder set = new StringBuilder();
        List<Object> params = new ArrayList<>();
        if (change instanceof ConversationChange.Pin pin) {
            set.append("is_pinned = ?, ");
            params.add(pin.pinned());
        } else if (change instanceof ConversationChange.Draft draft) {
            set.append("draft_text = ?, ");
            params.add(draft.text());
        } else if (change instanceof ConversationChange.CustomData data) {
            set.append("custom_data = ?, ");
            params.add(data.data());
        } else if (change instanceof ConversationChange.MarkRead) {
            set.append(READ);
        } else if (change instanceof ConversationChange.Hide hide) {
            // A big chat's: hidden until a message after this one.
            set.append("hidden = TRUE, hidden_seq = CASE WHEN big THEN " + CHAT_MSG_SEQ + " ELSE hidden_seq END, ");
            if (hide.clearHistory()) {
                set.append(CLEAR_HISTORY).append(READ);
            }
        } else if (change instanceof ConversationChange.ClearHistory) {
            set.append(CLEAR_HISTORY).append(READ);
        } else if (change instanceof ConversationChange.Remind remind) {
            String type = remind.type().wireName();
            set.append("unread_count = CASE WHEN remind_type = 'Discard' OR ? = 'Discard' THEN 0 ELSE unread_count END, "
                    + "unread_base = CASE WHEN big AND (remind_type = 'Discard' OR ? = 'Discard') THEN " + CHAT_MSG_SEQ
                    + " ELSE unread_base END, hidden_seq = CASE WHEN big AND remind_type = 'Discard' THEN " + CHAT_MSG_SEQ
                    + " ELSE hidden_seq END, remind_type = ?, ");
            params.addAll(List.of(type, type, type));
        } else {
            throw new IllegalArgumentException("no column for the change " + change);
        }
        params.addAll(List.of(now, user.corp().value(), user.user().value(), id.toString()));
        return jdbc.update("UPDATE conversations SET " + set + "updated_at = ? "
                + "WHERE corp_id = ? AND user_id = ? AND conversation_id = ?", params.toArray()) > 0;
    }

    @Override
    public Map<ConversationId, Marks> marksOf(UserRef user, Collection<ConversationId> ids) {
        Map<ConversationId, Marks> found = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        List<String> keys = ids.stream().map(ConversationId::toString).distinct().toList();
        jdbc.query("SELECT conversation_id, marks FROM conversations WHERE corp_id = ? AND user_id = ? "
                        + "AND conversation_id IN (" + Jdbc.placeholders(keys.size()) + ")",
                rs -> found.put(ConversationId.parse(rs.getString(1)), marks(rs.getString(2))),
                Jdbc.params(user.corp().value(), user.user().value(), keys));
        return found;
    }

    @Override
    public void storeMarks(UserRef user, Map<ConversationId, Marks> marks, long now) {
        marks.forEach((id, set) -> jdbc.update("UPDATE conversations SET marks = ?, updated_at = ? "
                        + "WHERE corp_id = ? AND user_id = ? AND conversation_id = ?",
                marksColumn(set), now, user.corp().value(), user.user().value(), id.toString()));
    }

    @Override
    public List<ConversationId> readAll(UserRef user, long now) {
        List<String> unread = jdbc.query("SELECT c.conversation_id FROM conversations c " + CHAT
                        + "WHERE c.corp_id = ? AND c.user_id = ? AND " + UNREAD + " > 0", rs -> rs.getString(1),
                user.corp().value(), user.user().value());
        for (int from = 0; from < unread.size(); from += 500) {
            List<String> chunk = unread.subList(from, Math.min(unread.size(), from + 500));
            jdbc.update("UPDATE conversations SET " + READ + "updated_at = ? WHERE corp_id = ? AND user_id = ? "
                            + "AND conversation_id IN (" + Jdbc.placeholders(chunk.size()) + ")",
                    Jdbc.params(now, user.corp().value(), user.user().value(), chunk));
        }
        return unread.stream().map(ConversationId::parse).toList();
    }

    @Override
    public long unreadTotal(UserRef user) {
        return jdbc.queryOne("SELECT COALESCE(SUM(" + COUNTED_UNREAD + "), 0) FROM conversations c " + CHAT
                        + "WHERE c.corp_id = ? AND c.user_id = ?", rs -> rs.getLong(1),
                user.corp().value(), user.user().value()).orElse(0L);
    }

    @Override
    public long historyClearedThrough(UserRef user, ChatId chat) {
        return jdbc.queryOne("SELECT cleared_message_id FROM conversations WHERE corp_id = ? AND user_id = ? "
                        + "AND chat_id = ?", rs -> rs.getLong(1),
                user.corp().value(), user.user().value(), chat.value()).orElse(0L);
    }

    /** The column's form of a set of marks: each between commas, so that one is found with LIKE '%,n,%'. */
    private static String marksColumn(Marks marks) {
        return marks.values().isEmpty() ? "" : "," + marks.values().stream().map(String::valueOf)
                .collect(java.util.stream.Collectors.joining(",")) + ",";
    }

    private static Marks marks(String column) {
        return column == null || column.isEmpty() ? Marks.NONE : new Marks(Arrays.stream(column.split(","))
                .filter(v -> !v.isEmpty()).map(Long::valueOf).toList());
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
        readWithGroups("c.corp_id = ? AND c.chat_id = ? AND c.user_id IN (" + Jdbc.placeholders(ids.size()) + ")",
                Jdbc.params(corp.value(), chat.value(), ids))
                .forEach(read -> found.put(new UserId(read.row().userId()), read.conversation()));
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
     * chats instead, and sorted them all (a second per page). A user's conversations of big chats are ordered by
     * their chats' activity: they are read apart (a user is in few big chats), and the two merged in the list's order.
     */
    @Override
    public List<Conversation> page(UserRef user, ConversationQuery query, int limit) {
        List<Row> small = jdbc.query(pageQuery(query, false), JdbcConversations::row,
                pageParams(user, query, limit));
        List<Row> big = jdbc.query(pageQuery(query, true), JdbcConversations::row,
                pageParams(user, query, limit));
        if (big.isEmpty()) {
            return withGroups(user, small);
        }
        List<Row> both = new ArrayList<>(small);
        both.addAll(big);
        List<Conversation> merged = new ArrayList<>(withGroups(user, both));
        merged.sort(LIST_ORDER);
        return merged.subList(0, Math.min(limit, merged.size()));
    }

    /** The select of one kind of conversation (small, or of big chats) for a page; {@link #pageParams} fills it. */
    private static String pageQuery(ConversationQuery query, boolean big) {
        String activity = big ? ACTIVITY : "c.activity_at";
        StringBuilder sql = new StringBuilder("SELECT c.* FROM conversations c ");
        if (query.titleContains().isPresent()) {
            sql.append(JOINS);
        } else if (big) {
            sql.append(CHAT);
        }
        if (query.group().isPresent()) {
            sql.append("JOIN group_conversations gc ON gc.corp_id = c.corp_id AND gc.user_id = c.user_id "
                    + "AND gc.conversation_id = c.conversation_id "
                    + "JOIN conversation_groups g ON g.group_id = gc.group_id AND g.group_name = ? ");
        }
        sql.append("WHERE c.corp_id = ? AND c.user_id = ? AND c.big = ").append(big ? "TRUE" : "FALSE");
        if (!query.includeHidden()) {
            sql.append(big ? " AND NOT " + HIDDEN : " AND c.hidden = FALSE");
        }
        query.mark().ifPresent(mark -> sql.append(" AND c.marks LIKE ?"));
        if (query.unreadOnly()) {
            sql.append(" AND ").append(big ? "ch.msg_seq - c.unread_base" : "c.unread_count")
                    .append(" > 0 AND NOT ").append(DISCARD);
        }
        query.titleContains().ifPresent(text -> sql.append(" AND LOWER(CASE WHEN c.chat_type = 'C2C' THEN "
                + "COALESCE(NULLIF(p.nick, ''), c.peer_id) ELSE ch.title END) LIKE ? ESCAPE '!'"));
        if (query.group().isPresent()) {
            sql.append(" AND g.corp_id = ? AND g.user_id = ?");
        }
        query.type().ifPresent(type -> sql.append(" AND c.chat_type = ?"));
        if (query.after().isPresent()) {
            // Keyset, in the list's order (pinned DESC, activity DESC, id DESC): strictly after the last row.
            sql.append(" AND c.changed_seq <= ? AND (c.is_pinned < ? OR (c.is_pinned = ? AND (" + activity + " < ? "
                    + "OR (" + activity + " = ? AND c.conversation_id < ?))))");
        }
        sql.append(" ORDER BY c.is_pinned DESC, ").append(activity).append(" DESC, c.conversation_id DESC LIMIT ?");
        return COLUMNS + "(" + sql + ") c " + JOINS + ORDER;
    }

    /** The parameters of {@link #pageQuery}, in its order. */
    private static Object[] pageParams(UserRef user, ConversationQuery query, int limit) {
        List<Object> params = new ArrayList<>();
        query.group().ifPresent(g -> params.add(g.value()));
        params.add(user.corp().value());
        params.add(user.user().value());
        query.titleContains().ifPresent(text -> params.add("%" + text.toLowerCase(Locale.ROOT)
                .replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%"));
        query.mark().ifPresent(mark -> params.add("%," + mark + ",%"));
        if (query.group().isPresent()) {
            params.add(user.corp().value());
            params.add(user.user().value());
        }
        query.type().ifPresent(type -> params.add(type.name()));
        query.after().ifPresent(at -> params.addAll(List.of(at.asOfSeq(), at.pinned(), at.pinned(), at.activityAt(),
                at.activityAt(), at.id().toString())));
        params.add(limit);
        return params.toArray();
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
                rs.getBoolean(16), rs.getString(17), JdbcMessages.read(rs, 18), marks(rs.getString(28)),
                RemindType.parse(rs.getString(29)));
    }

    /** One row of the joined select, before the groups are added. */
    private record Row(String id, String chatId, boolean pinned, String draft, String customData, int unread,
                       long activityAt, long updatedAt, ChatType type, String chatTitle, String chatAvatars,
                       int memberCount, String peerId, String peerNick, String peerAvatar, boolean hidden,
                       String userId, Message lastMessage, Marks marks, RemindType remindType) {
        Conversation toConversation(List<GroupName> groups) {
            boolean c2c = type == ChatType.C2C;
            String title = c2c ? (peerNick == null || peerNick.isEmpty() ? peerId : peerNick) : chatTitle;
            List<String> avatars = c2c ? (peerAvatar == null || peerAvatar.isEmpty() ? List.of() : List.of(peerAvatar))
                    : AvatarList.split(chatAvatars);
            return new Conversation(ConversationId.parse(id), new ChatId(chatId), title, avatars, memberCount, unread,
                    Optional.ofNullable(lastMessage), pinned, groups, draft, customData, hidden, activityAt, updatedAt,
                    marks, remindType);
        }
    }
}
