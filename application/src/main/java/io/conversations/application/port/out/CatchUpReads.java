package io.conversations.application.port.out;

import io.conversations.application.model.EventPage;
import io.conversations.domain.identity.UserRef;
import java.util.concurrent.CompletableFuture;

/**
 * Reads of users' logs for streams catching up (a stream just opened, or one whose client fell behind), queued so
 * that a few run at once whatever the number of streams: thousands of clients reconnecting together leave the
 * store's other connections to writes and live delivery. A read asked for while the same one (user and position)
 * waits in the queue shares it.
 */
public interface CatchUpReads {

    /** Up to {@code limit} of the user's events after {@code after}, oldest first, with the user's newest number. */
    CompletableFuture<EventPage> readAfter(UserRef user, long after, int limit);
}
