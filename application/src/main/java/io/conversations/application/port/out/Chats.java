package io.conversations.application.port.out;

import io.conversations.domain.chat.Chat;
import io.conversations.domain.chat.ChatId;
import io.conversations.domain.identity.CorpId;
import io.conversations.domain.identity.UserId;
import java.util.List;
import java.util.Optional;

/** The chats of each corp and who is in them. */
public interface Chats {

    /** Stores a new chat with its members; false when a chat with that id already exists in the corp. */
    boolean create(Chat chat, List<UserId> members, long now);

    Optional<Chat> find(CorpId corp, ChatId id);

    /** The one-to-one chat two users of a corp share, if they do. */
    Optional<ChatId> findOneToOne(CorpId corp, UserId a, UserId b);

    List<UserId> members(CorpId corp, ChatId id);

    /** The users who share a one-to-one chat with {@code user}, in userId order. */
    List<UserId> oneToOnePeers(CorpId corp, UserId user);

    boolean isMember(CorpId corp, ChatId id, UserId user);

    /** Adds a member; false when they already were one. */
    boolean addMember(CorpId corp, ChatId id, UserId user, long now);

    /** Removes a member; false when they were not one. */
    boolean removeMember(CorpId corp, ChatId id, UserId user);
}
