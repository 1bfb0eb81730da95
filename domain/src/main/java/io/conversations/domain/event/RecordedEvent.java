package io.conversations.domain.event;

/** An event as the user's log holds it: its per-user sequence number and when it was recorded. */
public record RecordedEvent(long seq, ConversationEvent event, long at) {}
