package io.conversations.adapter.persistence;

import io.conversations.domain.chat.ChatId;
import io.conversations.domain.event.RecordedEvent;
import io.conversations.domain.identity.CorpId;
import io.conversations.domain.identity.UserRef;
import java.util.Collection;
import java.util.List;

/**
 * Every user's events in the order they were written, whichever node wrote them: what a node's {@link FeedTail}
 * reads, one query for all of its connected clients. A position is taken when an event is written and becomes
 * visible when its transaction commits, so positions can appear out of order.
 */
interface EventFeed {

    /** Where an event sits in the feed, whose it is and its number in that user's log. */
    record Entry(long position, UserRef user, long seq) {}

    /**
     * Positions the tail has not seen and asks for again: {@code first}, {@code first + stride}, ... up to
     * {@code last} (a run of one residue class of the auto-increment; stride 1 on one server).
     */
    record Missing(long first, long last, long stride) {
        public Missing {
            if (stride < 1 || last < first || Math.floorMod(last - first, stride) != 0) {
                throw new IllegalArgumentException("not a run of positions: " + first + ".." + last + " by " + stride);
            }
        }

        static Missing at(long position) {
            return new Missing(position, position, 1);
        }

        boolean holds(long position) {
            return position >= first && position <= last && Math.floorMod(position - first, stride) == 0;
        }
    }

    /** Where a big chat's change sits in the feed of chat changes, and which chat changed. */
    record ChatEntry(long position, CorpId corp, ChatId chat) {}

    /** An event with its owner, as the tail hands it on. */
    record UserEvent(UserRef user, RecordedEvent event) {}

    /** The position of the newest event recorded before {@code recordedBefore} (0 when there is none; of events
     * recorded in that same millisecond, any one). */
    long positionBefore(long recordedBefore);

    /** Up to {@code limit} entries past {@code after}, plus any of the {@code missing} positions now visible, by position. */
    List<Entry> after(long after, Collection<Missing> missing, int limit);

    /** The chat feed's position of the newest change recorded before {@code recordedBefore} (0 when none). */
    long chatPositionBefore(long recordedBefore);

    /** Up to {@code limit} chat changes past {@code after}, plus any of {@code missing} now visible, by position. */
    List<ChatEntry> chatsAfter(long after, Collection<Missing> missing, int limit);

    /**
     * How far apart the store hands out positions through one server: 1, or on a Galera cluster its size (each
     * node hands out one residue class; the other classes' positions are never used through it).
     */
    long positionStep();

    /** The events at these positions (those still kept), by position. */
    List<UserEvent> load(Collection<Long> positions);
}
