package io.conversations.application.service;

import io.conversations.application.port.out.Conversations;
import io.conversations.application.port.out.Conversations.Untold;
import io.conversations.application.port.out.Directory;
import io.conversations.application.port.out.Transactions;
import io.conversations.domain.chat.ChatId;
import io.conversations.domain.conversation.Conversation;
import io.conversations.domain.event.ConversationEvent;
import io.conversations.domain.event.ConversationEvent.ConversationListUpdated;
import io.conversations.domain.identity.CorpId;
import io.conversations.domain.identity.UserId;
import io.conversations.domain.identity.UserRef;
import io.conversations.application.port.out.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Records in users' event logs what their big chats changed since the logs last told of them: for each user one
 * {@code CONVERSATION_LIST_UPDATED} with those conversations as they now are, however many messages arrived. A send
 * into a big chat does not write its members' events; they are recorded here, before any read of the user's that
 * could see the change needs them: for the members who follow the chat on this node at the end of each round of
 * the feed, for a stream when it opens, for a read of the log, and for a kept page before it is confirmed.
 *
 * <p>What a client holds stays right: the conversations and the chat's version are read in one statement, so an
 * event never tells an older state than the version it marks as told; whatever changed after is told next time.
 */
public final class ChatChangeEvents {
    /** Users whose events one transaction records: their rows are held locked until it commits. */
    static final int USERS_PER_TRANSACTION = 250;

    private final Transactions transactions;
    private final Conversations conversations;
    private final Directory directory;
    private final EventRecorder events;
    private final Clock clock;

    public ChatChangeEvents(Transactions transactions, Conversations conversations, Directory directory,
                            EventRecorder events, Clock clock) {
        this.transactions = transactions;
        this.conversations = conversations;
        this.directory = directory;
        this.events = events;
        this.clock = clock;
    }

    /** Records what the user's big chats changed that their log has not told yet; answers how many users had some. */
    public int record(UserRef user) {
        return record(user.corp(), List.of(user.user()), false);
    }

    /**
     * Records it for each of {@code users}, {@value #USERS_PER_TRANSACTION} users a transaction (in userId order);
     * answers how many users had something to record. {@code changed}: they are members of a chat that just changed
     * (their rows are taken at once, not read first to find whether there is anything to record).
     */
    public int record(CorpId corp, Collection<UserId> users, boolean changed) {
        List<UserId> ordered = new TreeSet<>(users.stream().map(UserId::value).toList()).stream().map(UserId::new).toList();
        int recorded = 0;
        for (int from = 0; from < ordered.size(); from += USERS_PER_TRANSACTION) {
            List<UserId> chunk = ordered.subList(from, Math.min(ordered.size(), from + USERS_PER_TRANSACTION));
            recorded += transactions.inTransaction(() -> recordInTransaction(corp, chunk, changed));
        }
        return recorded;
    }

    private int recordInTransaction(CorpId corp, List<UserId> users, boolean changed) {
        Collection<UserId> candidates = users;
        if (!changed) {
            // Most users have nothing untold: they are found so without taking their rows.
            candidates = conversations.untold(corp, users).keySet();
            if (candidates.isEmpty()) {
                return 0;
            }
        }
        directory.lockAll(corp, candidates);
        // Read with their rows held: no other writer of theirs runs (another node may have told them meanwhile).
        Map<UserId, List<Untold>> untold = conversations.untold(corp, candidates);
        Map<UserRef, List<ConversationEvent>> happened = new LinkedHashMap<>();
        Map<UserId, Map<ChatId, Long>> told = new HashMap<>();
        untold.forEach((user, list) -> {
            List<Conversation> conversationsNow = new ArrayList<>();
            for (Untold u : list) {
                conversationsNow.add(u.conversation());
                told.computeIfAbsent(user, k -> new HashMap<>()).put(u.conversation().chatId(), u.version());
            }
            happened.put(new UserRef(corp, user), List.of(new ConversationListUpdated(conversationsNow)));
        });
        if (!happened.isEmpty()) {
            events.recordChatChanges(happened, clock.millis());
            conversations.markTold(corp, told);
        }
        return happened.size();
    }
}
