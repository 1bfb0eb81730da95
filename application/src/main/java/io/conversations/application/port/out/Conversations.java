package io.conversations.application.port.out;

import io.conversations.application.model.ConversationQuery;
import io.conversations.domain.chat.ChatId;
import io.conversations.domain.chat.Message;
import io.conversations.domain.conversation.Conversation;
import io.conversations.domain.conversation.ConversationChange;
import io.conversations.domain.conversation.ConversationId;
import io.conversations.domain.identity.CorpId;
import io.conversations.domain.identity.UserId;
import io.conversations.domain.identity.UserRef;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Each user's conversations: one per chat they are in, with the state that is theirs alone. */
public interface Conversations {

    /** Gives the user a conversation for a chat they joined (fresh state: nothing unread, not pinned). */
    void open(UserRef user, ConversationId id, ChatId chat, long now);

    /** Takes the conversation away when the user leaves the chat. */
    void close(UserRef user, ConversationId id);

    /**
     * Shows a new message in every member's conversation of its chat: it moves up, shows the
     * message, comes back if hidden, and counts one more unread for everyone but the sender.
     */
    void recordMessage(CorpId corp, Message message);

    /**
     * Stamps these users' conversations of the chat with the sequence number of the event that listed them (by
     * user): a list page's cursor taken before that event leaves them out, since the client has them from the
     * event (see {@link io.conversations.application.model.ListPosition}).
     */
    void markListed(CorpId corp, ChatId chat, Map<UserId, Long> listedAtSeq);

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
