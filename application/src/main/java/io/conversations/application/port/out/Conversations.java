package io.conversations.application.port.out;

import io.conversations.application.model.ConversationQuery;
import io.conversations.domain.chat.ChatId;
import io.conversations.domain.chat.Message;
import io.conversations.domain.conversation.Conversation;
import io.conversations.domain.conversation.ConversationChange;
import io.conversations.domain.conversation.ConversationId;
import io.conversations.domain.conversation.Marks;
import io.conversations.domain.identity.CorpId;
import io.conversations.domain.identity.UserId;
import io.conversations.domain.identity.UserRef;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Each user's conversations: one per chat they are in, with the state that is theirs alone. A conversation of a big
 * chat (see {@link Chats}) is read as derived from the chat's state and the user's own: its unread count, last
 * message, activity and whether it is hidden; the list orders it among the others by that derived activity.
 */
public interface Conversations {

    /**
     * Gives the user a conversation for a chat they joined (fresh state: nothing unread, not pinned; of a big
     * chat, nothing sent before now is unread and its events so far are counted as told).
     */
    void open(UserRef user, ConversationId id, ChatId chat, long now);

    /** {@link #open} for each of a new chat's members, all of whom have the same conversation id (a group chat). */
    default void openAll(CorpId corp, ConversationId id, ChatId chat, Collection<UserId> members, long now) {
        members.forEach(m -> open(new UserRef(corp, m), id, chat, now));
    }

    /** Takes the conversation away when the user leaves the chat. */
    void close(UserRef user, ConversationId id);

    /**
     * Shows a new message in every member's conversation of its chat: it moves up, shows the
     * message, comes back if hidden, and counts one more unread for everyone but the sender.
     */
    void recordMessage(CorpId corp, Message message);

    /**
     * A message into a big chat, in its sender's own conversation: it moves up and comes back if hidden, their
     * unread count stays (the chat's count moved, and so does what the sender has read), and the chat's change up
     * to {@code version} counts as told to them (their event of it is recorded in the same transaction).
     */
    void recordOwnMessage(UserRef sender, Message message, long version);

    /** The members' conversations of a chat that just became big become derived from its state, as they were. */
    void deriveFromChat(CorpId corp, ChatId chat);

    /** The big chats the user is in. */
    Set<ChatId> bigChatsOf(UserRef user);

    /** A user's conversation of a big chat whose changes up to {@code version} are not yet in their event log. */
    record Untold(Conversation conversation, long version) {}

    /**
     * For each of {@code users}, their conversations of big chats that changed since their event log last told of
     * them, as they now are, with the chat's version they reflect (the version is read with the conversation, in
     * the same row: it is never newer than what the conversation shows).
     */
    Map<UserId, List<Untold>> untold(CorpId corp, Collection<UserId> users);

    /** Records that the users' event logs now tell of their big chats up to these versions (never lowers one). */
    void markTold(CorpId corp, Map<UserId, Map<ChatId, Long>> versions);

    /**
     * Stamps these users' conversations of the chat with the sequence number of the event that listed them (by
     * user): a list page's cursor taken before that event leaves them out, since the client has them from the
     * event (see {@link io.conversations.application.model.ListPosition}).
     */
    void markListed(CorpId corp, ChatId chat, Map<UserId, Long> listedAtSeq);

    /** The marks of the user's conversations among {@code ids}; an id they have no conversation for is left out. */
    Map<ConversationId, Marks> marksOf(UserRef user, Collection<ConversationId> ids);

    /** Stores these conversations' marks as given. */
    void storeMarks(UserRef user, Map<ConversationId, Marks> marks, long now);

    /** Reads every conversation of the user that has unread messages; answers those (they changed). */
    List<ConversationId> readAll(UserRef user, long now);

    /** The sum of the unread counts of the conversations the user's list shows, do-not-disturb ones left out. */
    long unreadTotal(UserRef user);

    /**
     * The newest message of the chat whose history the user cleared (0 if they never did): they read only the
     * messages after it.
     */
    long historyClearedThrough(UserRef user, ChatId chat);

    /** Applies the user's change to their conversation; false when they have none with that id. */
    boolean change(UserRef user, ConversationId id, ConversationChange change, long now);

    Optional<Conversation> find(UserRef user, ConversationId id);

    /** The user's conversation of a chat, if they are in it. */
    Optional<Conversation> findByChat(UserRef user, ChatId chat);

    /** Each member's conversation of a chat (members not in it are left out), with one read instead of one each. */
    default Map<UserId, Conversation> findByChat(CorpId corp, ChatId chat, Collection<UserId> members) {
        Map<UserId, Conversation> found = new LinkedHashMap<>();
        members.forEach(m -> findByChat(new UserRef(corp, m), chat).ifPresent(c -> found.put(m, c)));
        return found;
    }

    /** The user's conversations among {@code ids}, in the order of {@code ids}; unknown ids are skipped. */
    List<Conversation> findAll(UserRef user, Collection<ConversationId> ids);

    /** Which of {@code ids} the user has a conversation for. */
    Set<ConversationId> existing(UserRef user, Collection<ConversationId> ids);

    /** Up to {@code limit} conversations of the list after the query's position: pinned first, then most recent activity. */
    List<Conversation> page(UserRef user, ConversationQuery query, int limit);
}
