package io.conversations.application.port.in;

import io.conversations.domain.conversation.ConversationId;

/** Where a page of the conversation list ended: the sort key of its last conversation. */
public record ListPosition(boolean pinned, long activityAt, ConversationId id) {}
