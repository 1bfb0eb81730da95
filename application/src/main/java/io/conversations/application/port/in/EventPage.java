package io.conversations.application.port.in;

import io.conversations.domain.event.RecordedEvent;
import java.util.List;

/** A batch of a user's events, oldest first, and the newest sequence number the user has. */
public record EventPage(List<RecordedEvent> events, long last) {
    public EventPage {
        events = List.copyOf(events);
    }
}
