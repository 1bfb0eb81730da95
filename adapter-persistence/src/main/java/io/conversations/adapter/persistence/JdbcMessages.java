package io.conversations.adapter.persistence;

import io.conversations.application.port.out.Messages;
import io.conversations.domain.chat.ChatId;
import io.conversations.domain.chat.Message;
import io.conversations.domain.chat.MessageContent;
import io.conversations.domain.chat.MessageType;
import io.conversations.domain.identity.CorpId;
import io.conversations.domain.identity.UserId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Chats' messages in the {@code messages} table. */
final class JdbcMessages implements Messages {
    /** The message columns, for any select that joins {@code messages m}. */
    static final String COLUMNS = "m.message_id, m.chat_id, m.sender_id, m.msg_type, m.text, m.images, m.link_url, "
            + "m.link_title, m.sent_at";

    private final Jdbc jdbc;

    JdbcMessages(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Message append(CorpId corp, ChatId chat, UserId sender, MessageContent content, long now) {
        long id = jdbc.insertReturningKey("INSERT INTO messages (corp_id, chat_id, sender_id, msg_type, text, images, "
                        + "link_url, link_title, sent_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                corp.value(), chat.value(), sender.value(), content.type().name(), content.text(),
                AvatarList.join(content.images()), content.linkUrl(), content.linkTitle(), now);
        return new Message(id, chat, sender, content, now);
    }

    @Override
    public List<Message> page(CorpId corp, ChatId chat, Optional<Long> before, long after, int limit) {
        List<Object> params = new ArrayList<>(List.of(corp.value(), chat.value(), after));
        String older = "";
        if (before.isPresent()) {
            older = " AND m.message_id < ?";
            params.add(before.get());
        }
        params.add(limit);
        return jdbc.query("SELECT " + COLUMNS + " FROM messages m WHERE m.corp_id = ? AND m.chat_id = ? AND m.message_id > ?" + older
                + " ORDER BY m.message_id DESC LIMIT ?", rs -> read(rs, 1), params.toArray());
    }

    /** Reads a message from the {@link #COLUMNS} starting at column {@code first}; null when they are null (no message). */
    static Message read(ResultSet rs, int first) throws SQLException {
        long id = rs.getLong(first);
        if (rs.wasNull()) {
            return null;
        }
        MessageContent content = new MessageContent(MessageType.valueOf(rs.getString(first + 3)),
                rs.getString(first + 4), AvatarList.split(rs.getString(first + 5)), rs.getString(first + 6),
                rs.getString(first + 7));
        return new Message(id, new ChatId(rs.getString(first + 1)), new UserId(rs.getString(first + 2)), content,
                rs.getLong(first + 8));
    }
}
