package io.conversations.adapter.persistence;

import io.conversations.application.port.out.PickedChats;
import io.conversations.domain.chat.ChatId;
import io.conversations.domain.identity.CorpId;
import io.conversations.domain.identity.UserId;
import io.conversations.domain.identity.UserRef;
import java.util.Optional;

/** Picked chats' one-time cids in the {@code picked_chats} table. */
final class JdbcPickedChats implements PickedChats {
    private final Jdbc jdbc;

    JdbcPickedChats(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void record(String cid, UserRef picker, ChatId chat, long now) {
        jdbc.update("INSERT INTO picked_chats (cid, corp_id, user_id, chat_id, picked_at) VALUES (?, ?, ?, ?, ?)",
                cid, picker.corp().value(), picker.user().value(), chat.value(), now);
    }

    @Override
    public Optional<Pick> findForUpdate(CorpId corp, String cid) {
        return jdbc.queryOne("SELECT user_id, chat_id, picked_at, used_at FROM picked_chats "
                        + "WHERE cid = ? AND corp_id = ? FOR UPDATE",
                rs -> new Pick(cid, new UserRef(corp, new UserId(rs.getString(1))), new ChatId(rs.getString(2)),
                        rs.getLong(3), rs.getObject(4) != null),
                cid, corp.value());
    }

    @Override
    public void markUsed(CorpId corp, String cid, long now) {
        jdbc.update("UPDATE picked_chats SET used_at = ? WHERE cid = ? AND corp_id = ?", now, cid, corp.value());
    }

    @Override
    public long pruneBefore(long cutoff) {
        return jdbc.update("DELETE FROM picked_chats WHERE picked_at < ?", cutoff);
    }
}
