package io.conversations.application.port.in;

import io.conversations.domain.chat.ChatId;
import io.conversations.domain.identity.CorpId;
import io.conversations.domain.identity.UserRef;

/**
 * What this node learns of users' event sequences. Every change of what a user sees records an event in the same
 * transaction, so an answer rendered as of a user's sequence stays right until that sequence moves: the basis for
 * answers kept by sequence.
 */
public interface EventSequences {

    /**
     * The user's newest committed sequence, as the store has it now (0 before the first event), after recording
     * what their big chats changed since their log last told of it: a kept answer as of an older sequence is stale.
     */
    long newest(UserRef user);

    /** From now on, tells {@code watcher} of every sequence this node learns committed. */
    void watch(Watcher watcher);

    /** Told of sequences as they are learnt. */
    interface Watcher {
        /**
         * The user's events up to {@code seq} are committed: by this node (told before the writing request
         * answers) or by another (within the event delay).
         */
        void advanced(UserRef user, long seq);

        /** Every event committed by {@code System.nanoTime()} = {@code nanos}, on any node, has been told. */
        void caughtUp(long nanos);

        /**
         * A big chat changed: each member's view of it changed, though their sequence has not moved yet (their
         * event of it is recorded later). Told as {@link #advanced} is.
         */
        void chatChanged(CorpId corp, ChatId chat);
    }
}
