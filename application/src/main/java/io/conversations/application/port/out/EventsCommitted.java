package io.conversations.application.port.out;

import io.conversations.domain.chat.ChatId;
import io.conversations.domain.event.RecordedEvent;
import io.conversations.domain.identity.CorpId;
import io.conversations.domain.identity.UserRef;

/**
 * What the store tells the node about committed events, whichever node wrote them. The store alone sees commits
 * (this node's, and other nodes' through its feed), so the store calls it; the application implements it. This
 * node's commits are told on the committing thread before the writing use case answers (keep it short); other
 * nodes' within the feed's delay.
 */
public interface EventsCommitted {

    /** The user's events up to {@code seq} are committed. */
    void committed(UserRef user, long seq);

    /** Whether this node delivers the user's events live (a stream of theirs is open here): then the store hands
     * over their bodies with {@link #delivered}. */
    boolean follows(UserRef user);

    /** A committed event of a user this node {@link #follows}; in commit order, which may differ from sequence order. */
    void delivered(UserRef user, RecordedEvent event);

    /**
     * A big chat changed (a message, a member in or out): its members' views are no longer what their event logs
     * last told. This node's changes are told before the writer answers, every node's through the feed.
     */
    void chatChanged(CorpId corp, ChatId chat);

    /**
     * Every event and chat change committed by {@code System.nanoTime()} = {@code nanos}, on any node, has been
     * told: the end of a round of the feed (keep it short: the tail's thread).
     */
    void caughtUp(long nanos);

    /**
     * Records the events that big chats' changes owe their members who follow them on this node (told by
     * {@link #chatChanged}) and the users who began following since. Called after rounds of the feed on a thread of
     * the store's own, outside any transaction, never two at once and never holding up the tail; the events it
     * records, the tail then delivers as any other.
     */
    void recordUntold();
}
