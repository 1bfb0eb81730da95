package io.conversations.application.port.in;

import io.conversations.domain.chat.ChatId;
import io.conversations.domain.chat.Message;
import io.conversations.domain.chat.MessageContent;
import io.conversations.domain.common.Outcome;
import io.conversations.domain.conversation.Conversation;
import io.conversations.domain.identity.CorpId;
import io.conversations.domain.identity.UserRef;

/**
 * DingTalk's "share to a chat": a user picks a chat of theirs ({@code pickConversation}) and gets a one-time
 * {@code cid}; the corp's backend posts one message into that chat with it, as the user who picked it.
 */
public interface ShareToChat {
    /** How long a cid may be used after the pick. */
    long CID_LIFETIME_MILLIS = 24L * 60 * 60 * 1000;

    record Picked(String cid, Conversation conversation) {}

    /** 40301 for another corp, 40401 for a chat the user is not in. */
    Outcome<Picked> pick(UserRef user, CorpId corp, ChatId chat);

    /**
     * The caller's conversation of the chat they picked under {@code cid} (getConversationInfo takes a picked cid);
     * reading does not use the cid up. 40401 for a cid that is not the caller's or has expired.
     */
    Outcome<Conversation> picked(UserRef user, String cid);

    /** A picked chat's cid: "cid" and 22 base64url characters (conversation ids start with C2C or GROUP). */
    java.util.regex.Pattern CID = java.util.regex.Pattern.compile("cid[A-Za-z0-9_-]{22}");

    /** Whether {@code id} has the form of a picked chat's cid. */
    static boolean looksLikeCid(String id) {
        return id != null && CID.matcher(id).matches();
    }

    /**
     * Posts {@code content} into the chat picked under {@code cid}, once: a used, expired or unknown cid, or one
     * whose picker has left the chat, answers 40401 and posts nothing.
     */
    Outcome<Message> sendToPicked(CorpId corp, String cid, MessageContent content);
}
