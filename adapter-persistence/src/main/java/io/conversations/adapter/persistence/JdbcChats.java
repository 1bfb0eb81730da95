package io.conversations.adapter.persistence;

import io.conversations.application.port.out.Chats;
import io.conversations.domain.chat.Chat;
import io.conversations.domain.chat.ChatId;
import io.conversations.domain.chat.ChatType;
import io.conversations.domain.chat.Message;
import io.conversations.domain.identity.CorpId;
import io.conversations.domain.identity.UserId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Chats and their members in the {@code chats} and {@code chat_members} tables. */
final class JdbcChats implements Chats {
    private final Jdbc jdbc;

    JdbcChats(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean create(Chat chat, List<UserId> members, long now) {
        String pair = chat.type() == ChatType.C2C ? pairKey(members.get(0), members.get(1)) : null;
        try {
            jdbc.update("INSERT INTO chats (corp_id, chat_id, chat_type, title, avatar_icons, owner_id, c2c_pair, "
                            + "member_count, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    chat.corp().value(), chat.id().value(), chat.type().name(), chat.title(),
                    AvatarList.join(chat.avatarIcons()), chat.owner().map(UserId::value).orElse(null), pair,
                    members.size(), now);
        } catch (JdbcFailure e) {
            if (Jdbc.isDuplicateKey(e.sqlException())) {
                return false;
            }
            throw e;
        }
        List<Object[]> rows = new ArrayList<>();
        for (UserId member : members) {
            rows.add(new Object[] {chat.corp().value(), chat.id().value(), member.value(), now});
        }
        jdbc.insertRows("chat_members", "corp_id, chat_id, user_id, joined_at", 4, rows);
        return true;
    }

    @Override
    public Optional<Chat> find(CorpId corp, ChatId id) {
        return jdbc.queryOne("SELECT chat_type, title, avatar_icons, owner_id, member_count FROM chats "
                        + "WHERE corp_id = ? AND chat_id = ?",
                rs -> new Chat(corp, id, ChatType.valueOf(rs.getString(1)), rs.getString(2),
                        AvatarList.split(rs.getString(3)),
                        Optional.ofNullable(rs.getString(4)).map(UserId::new), rs.getInt(5)),
                corp.value(), id.value());
    }

    @Override
    public Optional<ChatId> findOneToOne(CorpId corp, UserId a, UserId b) {
        return jdbc.queryOne("SELECT chat_id FROM chats WHERE corp_id = ? AND c2c_pair = ?",
                rs -> new ChatId(rs.getString(1)), corp.value(), pairKey(a, b));
    }

    @Override
    public List<UserId> members(CorpId corp, ChatId id) {
        return jdbc.query("SELECT user_id FROM chat_members WHERE corp_id = ? AND chat_id = ? ORDER BY user_id",
                rs -> new UserId(rs.getString(1)), corp.value(), id.value());
    }

    @Override
    public List<UserId> oneToOnePeers(CorpId corp, UserId user) {
        return jdbc.query("SELECT p.user_id FROM chat_members m "
                        + "JOIN chats c ON c.corp_id = m.corp_id AND c.chat_id = m.chat_id AND c.chat_type = 'C2C' "
                        + "JOIN chat_members p ON p.corp_id = m.corp_id AND p.chat_id = m.chat_id AND p.user_id <> m.user_id "
                        + "WHERE m.corp_id = ? AND m.user_id = ? ORDER BY p.user_id",
                rs -> new UserId(rs.getString(1)), corp.value(), user.value());
    }

    @Override
    public boolean isMember(CorpId corp, ChatId id, UserId user) {
        return jdbc.queryOne("SELECT 1 FROM chat_members WHERE corp_id = ? AND chat_id = ? AND user_id = ?",
                rs -> true, corp.value(), id.value(), user.value()).isPresent();
    }

    @Override
    public Optional<Size> lock(CorpId corp, ChatId id) {
        return jdbc.queryOne("SELECT big FROM chats WHERE corp_id = ? AND chat_id = ? FOR UPDATE",
                rs -> rs.getBoolean(1) ? Size.BIG : Size.SMALL, corp.value(), id.value());
    }

    /**
     * The chat's row first, then the membership: a member in or out takes the chat's row too, so what is read after
     * it stands until the transaction ends (read before it, a member leaving meanwhile would still send).
     */
    @Override
    public Optional<Size> lockFor(CorpId corp, ChatId id, UserId member) {
        Optional<Size> size = lock(corp, id);
        return size.isPresent() && isMember(corp, id, member) ? size : Optional.empty();
    }

    @Override
    public long messageArrived(CorpId corp, Message message) {
        // GREATEST: messages are numbered before the chat's row is taken, so two sends may reach it out of order.
        jdbc.update("UPDATE chats SET msg_seq = msg_seq + 1, version = version + 1, "
                        + "last_message_id = GREATEST(COALESCE(last_message_id, 0), ?), activity_at = GREATEST(activity_at, ?) "
                        + "WHERE corp_id = ? AND chat_id = ?",
                message.id(), message.sentAt(), corp.value(), message.chat().value());
        return changed(corp, message.chat(), message.sentAt());
    }

    @Override
    public long touch(CorpId corp, ChatId id) {
        jdbc.update("UPDATE chats SET version = version + 1 WHERE corp_id = ? AND chat_id = ?", corp.value(), id.value());
        return changed(corp, id, System.currentTimeMillis());
    }

    /** The chat's new version, written to the chat feed (every node's tail reads it) and told at this commit. */
    private long changed(CorpId corp, ChatId id, long now) {
        long version = jdbc.queryOne("SELECT version FROM chats WHERE corp_id = ? AND chat_id = ?",
                rs -> rs.getLong(1), corp.value(), id.value()).orElseThrow();
        jdbc.update("INSERT INTO chat_feed (corp_id, chat_id, version, created_at) VALUES (?, ?, ?, ?)",
                corp.value(), id.value(), version, now);
        jdbc.transactions().chatChanged(corp, id);
        return version;
    }

    @Override
    public void growBig(CorpId corp, ChatId id) {
        jdbc.update("UPDATE chats SET big = TRUE, "
                        + "last_message_id = (SELECT MAX(m.message_id) FROM messages m WHERE m.corp_id = ? AND m.chat_id = ?), "
                        + "activity_at = COALESCE((SELECT MAX(m.sent_at) FROM messages m WHERE m.corp_id = ? AND m.chat_id = ?), 0) "
                        + "WHERE corp_id = ? AND chat_id = ?",
                corp.value(), id.value(), corp.value(), id.value(), corp.value(), id.value());
    }

    @Override
    public boolean addMember(CorpId corp, ChatId id, UserId user, long now) {
        try {
            jdbc.update("INSERT INTO chat_members (corp_id, chat_id, user_id, joined_at) VALUES (?, ?, ?, ?)",
                    corp.value(), id.value(), user.value(), now);
        } catch (JdbcFailure e) {
            if (Jdbc.isDuplicateKey(e.sqlException())) {
                return false;
            }
            throw e;
        }
        jdbc.update("UPDATE chats SET member_count = member_count + 1 WHERE corp_id = ? AND chat_id = ?",
                corp.value(), id.value());
        return true;
    }

    @Override
    public boolean removeMember(CorpId corp, ChatId id, UserId user) {
        int removed = jdbc.update("DELETE FROM chat_members WHERE corp_id = ? AND chat_id = ? AND user_id = ?",
                corp.value(), id.value(), user.value());
        if (removed > 0) {
            jdbc.update("UPDATE chats SET member_count = member_count - 1 WHERE corp_id = ? AND chat_id = ?",
                    corp.value(), id.value());
        }
        return removed > 0;
    }

    private static String pairKey(UserId a, UserId b) {
        return a.value().compareTo(b.value()) < 0 ? a.value() + " " + b.value() : b.value() + " " + a.value();
    }
}
