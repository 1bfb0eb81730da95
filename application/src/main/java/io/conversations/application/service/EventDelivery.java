package io.conversations.application.service;

import io.conversations.application.port.in.EventSequences;
import io.conversations.application.port.out.EventLog;
import io.conversations.application.port.out.EventsCommitted;
import io.conversations.application.port.out.Transactions;
import io.conversations.domain.event.RecordedEvent;
import io.conversations.domain.identity.UserRef;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Where what the store tells of committed events goes: the bodies to the streams open on this node, the sequences
 * to whoever watches them (answers kept by a user's sequence).
 */
public final class EventDelivery implements EventsCommitted, EventSequences {
    private final StreamRegistry streams;
    private final Transactions transactions;
    private final EventLog log;
    private final List<Watcher> watchers = new CopyOnWriteArrayList<>();

    public EventDelivery(StreamRegistry streams, Transactions transactions, EventLog log) {
        this.streams = streams;
        this.transactions = transactions;
        this.log = log;
    }

    @Override
    public void committed(UserRef user, long seq) {
        for (Watcher watcher : watchers) {
            watcher.advanced(user, seq);
        }
    }

    @Override
    public boolean follows(UserRef user) {
        return streams.follows(user);
    }

    @Override
    public void delivered(UserRef user, RecordedEvent event) {
        streams.deliver(user, event);
    }

    @Override
    public void caughtUp(long nanos) {
        for (Watcher watcher : watchers) {
            watcher.caughtUp(nanos);
        }
    }

    @Override
    public long newest(UserRef user) {
        return transactions.inTransaction(() -> log.lastSeq(user));
    }

    @Override
    public void watch(Watcher watcher) {
        watchers.add(watcher);
    }
}
