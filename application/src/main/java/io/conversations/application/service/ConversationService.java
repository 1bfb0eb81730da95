package io.conversations.application.service;

import io.conversations.application.port.in.ConversationPage;
import io.conversations.application.port.in.ConversationQuery;
import io.conversations.application.port.in.GetConversation;
import io.conversations.application.port.in.ListConversations;
import io.conversations.application.port.in.ListPosition;
import io.conversations.application.port.out.ConversationGroups;
import io.conversations.application.port.out.Conversations;
import io.conversations.application.port.out.EventLog;
import io.conversations.application.port.out.Transactions;
import io.conversations.domain.common.Outcome;
import io.conversations.domain.common.Problem;
import io.conversations.domain.conversation.Conversation;
import io.conversations.domain.conversation.ConversationId;
import io.conversations.domain.identity.UserRef;
import java.util.List;
import java.util.Optional;

/** Reading a user's conversations: the list page by page, and one conversation. */
public final class ConversationService implements ListConversations, GetConversation {
    private final Transactions transactions;
    private final Conversations conversations;
    private final ConversationGroups groups;
    private final EventLog events;

    public ConversationService(Transactions transactions, Conversations conversations, ConversationGroups groups,
                               EventLog events) {
        this.transactions = transactions;
        this.conversations = conversations;
        this.groups = groups;
        this.events = events;
    }

    @Override
    public Outcome<ConversationPage> list(UserRef user, ConversationQuery query) {
        return transactions.inTransaction(() -> {
            if (query.group().isPresent() && !groups.exists(user, query.group().get())) {
                return Outcome.rejected(Problem.GROUP_NOT_FOUND,
                        "no conversation group named '" + query.group().get() + "'");
            }
            // Read the sequence first: the page then reflects at least every event up to it.
            long eventSeq = events.lastSeq(user);
            // One row more than asked tells whether another page follows.
            List<Conversation> rows = conversations.page(user, query, query.count() + 1);
            if (rows.size() <= query.count()) {
                return Outcome.done(new ConversationPage(rows, Optional.empty(), eventSeq));
            }
            List<Conversation> page = rows.subList(0, query.count());
            Conversation last = page.get(page.size() - 1);
            ListPosition next = new ListPosition(last.pinned(), last.activityAt(), last.id());
            return Outcome.done(new ConversationPage(List.copyOf(page), Optional.of(next), eventSeq));
        });
    }

    @Override
    public Outcome<Conversation> get(UserRef user, ConversationId id) {
        return transactions.inTransaction(() -> conversations.find(user, id)
                .<Outcome<Conversation>>map(Outcome::done)
                .orElseGet(() -> Outcome.rejected(Problem.NOT_FOUND, "no conversation " + id + " for this user")));
    }
}
