package io.conversations.application.port.out;

import io.conversations.application.model.EventPage;
import io.conversations.domain.event.ConversationEvent;
import io.conversations.domain.identity.UserRef;
import java.util.List;
import java.util.Map;

/**
 * Each user's durable, ordered log of events. Appending inside the transaction of the change
 * it reports is what makes "no change without its event, no event without its change" hold.
 */
public interface EventLog {

    /**
     * Appends each user's events under their next sequence numbers, gap-free, waiting for the user's other writers;
     * several users at once (a message reaches every member) with one round trip, not one per user. Answers each
     * user's sequence number of the first of their events (the others follow it one by one).
     */
    Map<UserRef, Long> appendAll(Map<UserRef, List<ConversationEvent>> events, long now);

    /** Up to {@code limit} events after {@code after}, oldest first, and the user's newest sequence number. */
    EventPage readAfter(UserRef user, long after, int limit);

    /** The user's newest sequence number (0 before the first event). */
    long lastSeq(UserRef user);

    /** Deletes up to {@code limit} events of any user recorded before {@code recordedBefore}; answers how many. */
    int prune(long recordedBefore, int limit);
}
