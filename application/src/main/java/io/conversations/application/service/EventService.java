package io.conversations.application.service;

import io.conversations.application.port.in.EventPage;
import io.conversations.application.port.in.ReadEvents;
import io.conversations.application.port.out.EventLog;
import io.conversations.application.port.out.Transactions;
import io.conversations.domain.identity.UserRef;

/** Reading a user's event log from a sequence number on. */
public final class EventService implements ReadEvents {
    private final Transactions transactions;
    private final EventLog events;

    public EventService(Transactions transactions, EventLog events) {
        this.transactions = transactions;
        this.events = events;
    }

    @Override
    public EventPage readAfter(UserRef user, long after, int limit) {
        int bounded = Math.max(1, Math.min(limit, MAX_BATCH));
        return transactions.inTransaction(() -> events.readAfter(user, Math.max(0, after), bounded));
    }
}
