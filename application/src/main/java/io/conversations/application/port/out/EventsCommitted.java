package io.conversations.application.port.out;

import io.conversations.domain.identity.UserRef;
import java.util.List;
import java.util.Map;

/**
 * What the application is told after each of this node's transactions that recorded events commits: each user's
 * newest sequence number. The store alone sees the commit, so the store calls it (on the committing thread, before
 * the use case answers: keep it short); the application owns it and gives the store its listeners when it is
 * wired: the rendered views (a client's next read here must not get the old answer) and the event tail (it looks
 * now instead of at its next interval). Other nodes learn of the events through the {@link EventFeed}.
 */
public interface EventsCommitted {
    void committed(Map<UserRef, Long> newestSeqs);

    /** Tells each of {@code listeners}, in order. */
    static EventsCommitted all(List<? extends EventsCommitted> listeners) {
        List<EventsCommitted> copy = List.copyOf(listeners);
        return newest -> copy.forEach(l -> l.committed(newest));
    }
}
