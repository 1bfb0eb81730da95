package io.conversations.application.model;

import io.conversations.domain.conversation.ConversationId;

/**
 * Where a page of the conversation list ended: the sort key of its last conversation, and the
 * event sequence number of the first page. Later pages leave out conversations changed after
 * {@code asOfSeq}: those reach the client as events after it, so none is listed twice.
 */
public record ListPosition(boolean pinned, long activityAt, ConversationId id, long asOfSeq) {}
