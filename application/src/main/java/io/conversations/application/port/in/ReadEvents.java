package io.conversations.application.port.in;

import io.conversations.application.model.EventPage;
import io.conversations.domain.identity.UserRef;

/** The user's events after a sequence number, oldest first, at most {@code MAX_BATCH} at a time. */
public interface ReadEvents {
    int MAX_BATCH = 500;

    EventPage readAfter(UserRef user, long after, int limit);
}
