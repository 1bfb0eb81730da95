package io.conversations.application.port.in;

import io.conversations.domain.common.Outcome;
import io.conversations.domain.identity.UserRef;

/** A live stream of the user's events: first every event after {@code after}, then each new one as it is recorded. */
public interface FollowEvents {

    /**
     * Opens the stream; refused when the user (or this node) already has as many streams open as allowed.
     * {@code ready} runs (never under a lock of the stream's) whenever the stream has something to take with
     * {@code next(0)}: events, a catch-up read done, or its end; so a writer need not wait in {@code next}.
     */
    Outcome<EventStream> follow(UserRef user, long after, Runnable ready);
}
