package io.conversations.application.port.out;

import io.conversations.domain.chat.ChatId;
import io.conversations.domain.identity.CorpId;
import io.conversations.domain.identity.UserRef;
import java.util.Optional;

/**
 * The chats users picked with DingTalk's {@code pickConversation}, each under a one-time {@code cid} that the
 * corp's backend may use once to post a message into that chat.
 */
public interface PickedChats {

    /** What a cid stands for: who picked which chat, when, and whether the cid was used. */
    record Pick(String cid, UserRef picker, ChatId chat, long pickedAt, boolean used) {}

    void record(String cid, UserRef picker, ChatId chat, long now);

    /** The pick under {@code cid} in {@code corp}, its row held until the transaction ends (one use at a time). */
    Optional<Pick> findForUpdate(CorpId corp, String cid);

    void markUsed(CorpId corp, String cid, long now);

    /** Forgets picks made before {@code cutoff}; returns how many. */
    long pruneBefore(long cutoff);
}
