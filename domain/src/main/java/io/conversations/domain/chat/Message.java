package io.conversations.domain.chat;

import io.conversations.domain.identity.UserId;
import java.util.Objects;

/** A message as stored with its chat: who sent it, when, and what it says. Ids grow with time. */
public record Message(long id, ChatId chat, UserId sender, MessageContent content, long sentAt) {
    public Message {
        Objects.requireNonNull(chat, "chat");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(content, "content");
    }
}
