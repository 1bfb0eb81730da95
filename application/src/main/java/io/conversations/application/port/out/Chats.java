package io.conversations.application.port.out;

import io.conversations.domain.chat.Chat;
import io.conversations.domain.chat.ChatId;
import io.conversations.domain.chat.Message;
import io.conversations.domain.identity.CorpId;
import io.conversations.domain.identity.UserId;
import java.util.List;
import java.util.Optional;

/**
 * The chats of each corp and who is in them. A big chat (from a configured number of members on; it stays big)
 * keeps its own state: how many messages it has, its newest message and activity, and a version that counts every
 * change its members see. Its members' views are derived from that on read (see {@link Conversations}), so a
 * message into it writes the chat, not every member.
 */
public interface Chats {

    /** How a chat's changes reach its members. */
    enum Size {
        /** Each change is written into each member's conversation and event log. */
        SMALL,
        /** Each change is written into the chat; members' views are derived, their events recorded later. */
        BIG
    }

    /** Stores a new chat with its members; false when a chat with that id already exists in the corp. */
    boolean create(Chat chat, List<UserId> members, long now);

    Optional<Chat> find(CorpId corp, ChatId id);

    /** The one-to-one chat two users of a corp share, if they do. */
    Optional<ChatId> findOneToOne(CorpId corp, UserId a, UserId b);

    List<UserId> members(CorpId corp, ChatId id);

    /** The users who share a one-to-one chat with {@code user}, in userId order. */
    List<UserId> oneToOnePeers(CorpId corp, UserId user);

    boolean isMember(CorpId corp, ChatId id, UserId user);

    /**
     * Locks the chat's row until the transaction ends and answers its size; empty when there is no such chat. Every
     * writer of a chat's state takes it first (a send, a member in or out), so none of them sees it change size.
     */
    Optional<Size> lock(CorpId corp, ChatId id);

    /** {@link #lock}, when {@code member} is in the chat; empty when they are not (or there is no such chat). */
    Optional<Size> lockFor(CorpId corp, ChatId id, UserId member);

    /**
     * A message into a big chat (locked): its count, newest message and activity, and its version move; every node
     * learns that the chat changed. Answers the new version.
     */
    long messageArrived(CorpId corp, Message message);

    /**
     * Another change of a big chat that its members see (a member in or out): its version moves, and every node
     * learns that it changed. Answers the new version.
     */
    long touch(CorpId corp, ChatId id);

    /** Makes a small chat big, its own state taken from its newest message (once: a chat stays big). */
    void growBig(CorpId corp, ChatId id);

    /** Adds a member; false when they already were one. */
    boolean addMember(CorpId corp, ChatId id, UserId user, long now);

    /** Removes a member; false when they were not one. */
    boolean removeMember(CorpId corp, ChatId id, UserId user);
}
