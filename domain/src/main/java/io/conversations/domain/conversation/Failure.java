package io.conversations.domain.conversation;

import io.conversations.domain.common.Problem;

/** One id of a batch that was not applied, with why; the id is kept as the caller wrote it. */
public record Failure(String conversationId, Problem problem, String message) {}
