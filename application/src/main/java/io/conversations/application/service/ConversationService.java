package io.conversations.application.service;

import io.conversations.application.model.ConversationPage;
import io.conversations.application.model.ConversationQuery;
import io.conversations.application.model.ListPosition;
import io.conversations.application.port.in.ChangeConversation;
import io.conversations.application.port.in.GetConversation;
import io.conversations.application.port.in.CountUnread;
import io.conversations.application.port.in.ListConversations;
import io.conversations.application.port.in.MarkConversations;
import io.conversations.application.port.in.PickableChats;
import io.conversations.application.port.in.ReadAllConversations;
import io.conversations.application.port.in.ResolveChat;
import io.conversations.application.port.out.Clock;
import io.conversations.application.port.out.ConversationGroups;
import io.conversations.application.port.out.Conversations;
import io.conversations.application.port.out.Directory;
import io.conversations.application.port.out.EventLog;
import io.conversations.application.port.out.Transactions;
import io.conversations.domain.chat.ChatId;
import io.conversations.domain.common.Outcome;
import io.conversations.domain.common.Problem;
import io.conversations.domain.conversation.Conversation;
import io.conversations.domain.conversation.ConversationChange;
import io.conversations.domain.conversation.ConversationId;
import io.conversations.domain.conversation.MarkChange;
import io.conversations.domain.event.ConversationEvent.ConversationListUpdated;
import io.conversations.domain.identity.CorpId;
import io.conversations.domain.identity.UserRef;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A user's conversations: the list page by page, one conversation, the user's own state of it, marks on several at
 * once, all read at once, and the total unread.
 */
public final class ConversationService implements ListConversations, GetConversation, ChangeConversation,
        PickableChats, ResolveChat, MarkConversations, ReadAllConversations, CountUnread {
    private final Transactions transactions;
    private final Conversations conversations;
    private final ConversationGroups groups;
    private final EventLog log;
    private final EventRecorder events;
    private final Directory directory;
    private final Clock clock;

    public ConversationService(Transactions transactions, Conversations conversations, ConversationGroups groups,
                               EventLog log, EventRecorder events, Directory directory, Clock clock) {
        this.transactions = transactions;
        this.conversations = conversations;
        this.groups = groups;
        this.log = log;
        this.events = events;
        this.directory = directory;
        this.clock = clock;
    }

    @Override
    public Outcome<Conversation> change(UserRef user, ConversationId id, ConversationChange change) {
        return transactions.inTransaction(() -> {
            directory.lock(user);
            long now = clock.millis();
            if (!conversations.change(user, id, change, now)) {
                return notFound(id);
            }
            Conversation changed = conversations.find(user, id).orElseThrow();
            events.record(user, List.of(new ConversationListUpdated(List.of(changed))), now);
            return Outcome.done(changed);
        });
    }

    /** The user's row is locked first, as for any change of theirs: two batches on one conversation take turns. */
    @Override
    public Outcome<MarkChange.Result> mark(UserRef user, List<String> conversationIds, MarkChange change) {
        return transactions.inTransaction(() -> {
            directory.lock(user);
            List<ConversationId> parsed = conversationIds.stream()
                    .flatMap(raw -> ConversationId.tryParse(raw).stream()).toList();
            Outcome<MarkChange.Result> outcome = change.apply(conversationIds, conversations.marksOf(user, parsed));
            if (outcome instanceof Outcome.Done<MarkChange.Result> done && !done.value().changed().isEmpty()) {
                long now = clock.millis();
                conversations.storeMarks(user, done.value().changed(), now);
                recordChanged(user, done.value().changed().keySet(), now);
            }
            return outcome;
        });
    }

    @Override
    public void readAll(UserRef user) {
        transactions.inTransaction(() -> {
            directory.lock(user);
            long now = clock.millis();
            List<ConversationId> read = conversations.readAll(user, now);
            if (!read.isEmpty()) {
                recordChanged(user, read, now);
            }
            return null;
        });
    }

    @Override
    public long totalUnread(UserRef user) {
        return transactions.inTransaction(() -> conversations.unreadTotal(user));
    }

    /** One event listing the conversations as they now are. */
    private void recordChanged(UserRef user, Collection<ConversationId> ids, long now) {
        events.record(user, List.of(new ConversationListUpdated(conversations.findAll(user, ids))), now);
    }

    @Override
    public Outcome<ConversationPage> list(UserRef user, ConversationQuery query) {
        return transactions.inTransaction(() -> {
            if (query.group().isPresent() && !groups.exists(user, query.group().get())) {
                return Outcome.rejected(Problem.GROUP_NOT_FOUND,
                        "no conversation group named '" + query.group().get() + "'");
            }
            // Read the sequence first: the page then reflects at least every event up to it. Later pages
            // answer as of the first page's sequence, leaving out what changed since (events carry it).
            long eventSeq = query.after().map(ListPosition::asOfSeq).orElseGet(() -> log.lastSeq(user));
            // One row more than asked tells whether another page follows.
            List<Conversation> rows = conversations.page(user, query, query.count() + 1);
            // A first page may be kept rendered: it names the big chats whose changes make it stale.
            Set<ChatId> bigChats = query.after().isEmpty() ? conversations.bigChatsOf(user) : Set.of();
            if (rows.size() <= query.count()) {
                return Outcome.done(new ConversationPage(rows, Optional.empty(), eventSeq, bigChats));
            }
            List<Conversation> page = rows.subList(0, query.count());
            Conversation last = page.get(page.size() - 1);
            ListPosition next = new ListPosition(last.pinned(), last.activityAt(), last.id(), eventSeq);
            return Outcome.done(new ConversationPage(page, Optional.of(next), eventSeq, bigChats));
        });
    }

    @Override
    public Outcome<ConversationPage> pickable(UserRef user, CorpId corp, Optional<String> titleContains, int count,
                                              Optional<ListPosition> after) {
        if (!corp.equals(user.corp())) {
            return foreignCorp(corp);
        }
        return list(user, new ConversationQuery(Optional.empty(), Optional.empty(), count, after, titleContains, true,
                Optional.empty(), false));
    }

    @Override
    public Outcome<Conversation> resolve(UserRef user, CorpId corp, ChatId chat) {
        if (!corp.equals(user.corp())) {
            return foreignCorp(corp);
        }
        return transactions.inTransaction(() -> conversations.findByChat(user, chat)
                .<Outcome<Conversation>>map(Outcome::done)
                .orElseGet(() -> Outcome.rejected(Problem.NOT_FOUND, "no chat " + chat + " for this user")));
    }

    @Override
    public Outcome<Conversation> get(UserRef user, ConversationId id) {
        return transactions.inTransaction(() -> conversations.find(user, id)
                .<Outcome<Conversation>>map(Outcome::done)
                .orElseGet(() -> notFound(id)));
    }

    private static <T> Outcome<T> foreignCorp(CorpId corp) {
        return Outcome.rejected(Problem.FOREIGN_CORP, "corp " + corp + " is not the caller's own");
    }

    private static <T> Outcome<T> notFound(ConversationId id) {
        return Outcome.rejected(Problem.NOT_FOUND, "no conversation " + id + " for this user");
    }
}
