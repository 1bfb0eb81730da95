package io.conversations.application.port.in;

import io.conversations.domain.chat.ChatId;

/** The chat's id, and whether it was created now (false: the C2C chat already existed). */
public record ChatCreated(ChatId id, boolean created) {}
