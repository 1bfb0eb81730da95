package io.conversations.application.service;

import io.conversations.application.model.EventPage;
import io.conversations.application.port.in.ReadEvents;
import io.conversations.application.port.out.Clock;
import io.conversations.application.port.out.EventLog;
import io.conversations.application.port.out.Transactions;
import io.conversations.domain.identity.UserRef;

/** Reading a user's event log from a sequence number on, and pruning what is older than the retention. */
public final class EventService implements ReadEvents {
    /** Events deleted per transaction while pruning. */
    static final int PRUNE_BATCH = 5_000;

    private final Transactions transactions;
    private final EventLog events;
    private final ChatChangeEvents chatEvents;
    private final Clock clock;
    private final long retentionMillis;

    public EventService(Transactions transactions, EventLog events, ChatChangeEvents chatEvents, Clock clock,
                        long retentionMillis) {
        this.transactions = transactions;
        this.events = events;
        this.chatEvents = chatEvents;
        this.clock = clock;
        this.retentionMillis = retentionMillis;
    }

    /** {@inheritDoc} What the user's big chats changed since their log last told of it is recorded first. */
    @Override
    public EventPage readAfter(UserRef user, long after, int limit) {
        int bounded = Math.max(1, Math.min(limit, MAX_BATCH));
        long from = Math.max(0, after);
        chatEvents.record(user);
        return transactions.inTransaction(() -> events.readAfter(user, from, bounded).continuing(from));
    }

    /** Deletes every user's events older than the retention, a batch per transaction; answers how many. */
    public long pruneExpired() {
        return pruneRecordedBefore(clock.millis() - retentionMillis);
    }

    public long pruneRecordedBefore(long cutoff) {
        long total = 0;
        int deleted;
        do {
            deleted = transactions.inTransaction(() -> events.prune(cutoff, PRUNE_BATCH));
            total += deleted;
        } while (deleted == PRUNE_BATCH);
        return total;
    }
}
