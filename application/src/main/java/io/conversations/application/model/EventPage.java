package io.conversations.application.model;

import io.conversations.domain.event.RecordedEvent;
import java.util.List;

/**
 * A batch of a user's events, oldest first, and the newest sequence number the user has. With
 * {@code resync} the events the reader asked for are no longer all kept (or never were): the
 * batch is empty, and the reader reloads its state and goes on after {@code last}.
 */
public record EventPage(List<RecordedEvent> events, long last, boolean resync) {
    public EventPage {
        events = List.copyOf(events);
    }

    public EventPage(List<RecordedEvent> events, long last) {
        this(events, last, false);
    }

    /** Nothing after {@code after} can be replayed: reload, then go on after {@code last}. */
    public static EventPage resync(long last) {
        return new EventPage(List.of(), last, true);
    }

    /**
     * This page as read from the log after {@code after}, or a resync when it cannot continue from there: the events
     * right after {@code after} are no longer kept (pruned), or {@code after} is past anything the log has numbered
     * (a client of another database).
     */
    public EventPage continuing(long after) {
        boolean fromTheFuture = after > last;
        boolean pruned = after < last && (events.isEmpty() || events.get(0).seq() != after + 1);
        return fromTheFuture || pruned ? resync(last) : this;
    }
}
