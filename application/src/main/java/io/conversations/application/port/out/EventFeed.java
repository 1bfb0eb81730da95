package io.conversations.application.port.out;

import io.conversations.domain.event.RecordedEvent;
import io.conversations.domain.identity.UserRef;
import java.util.Collection;
import java.util.List;

/**
 * Every user's events in the order they were written, whichever node wrote them: what a node's
 * tail reads, one query for all of its connected clients. A position is taken when an event is
 * written and becomes visible when its transaction commits, so positions can appear out of order.
 */
public interface EventFeed {

    /** Where an event sits in the feed, whose it is and its number in that user's log. */
    record Entry(long position, UserRef user, long seq) {}

    /** An event with its owner, as the tail hands it to that user's streams. */
    record UserEvent(UserRef user, RecordedEvent event) {}

    /** The position of the newest event recorded before {@code recordedBefore} (0 when there is none; of events
     * recorded in that same millisecond, any one). */
    long positionBefore(long recordedBefore);

    /** Up to {@code limit} entries past {@code after}, plus any of {@code missing} now visible, by position. */
    List<Entry> after(long after, Collection<Long> missing, int limit);

    /** The events at these positions (those still kept), by position. */
    List<UserEvent> load(Collection<Long> positions);
}
