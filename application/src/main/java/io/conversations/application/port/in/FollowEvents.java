package io.conversations.application.port.in;

import io.conversations.domain.common.Outcome;
import io.conversations.domain.identity.UserRef;

/** A live stream of the user's events: first every event after {@code after}, then each new one as it is recorded. */
public interface FollowEvents {

    /** Opens the stream; refused when the user (or this node) already has as many streams open as allowed. */
    Outcome<EventStream> follow(UserRef user, long after);
}
