package io.conversations.application.port.in;

import io.conversations.domain.chat.Message;
import java.util.List;
import java.util.Optional;

/** A page of a chat's messages, newest first, and the id to continue before. */
public record MessagePage(List<Message> messages, Optional<Long> nextBefore) {
    public MessagePage {
        messages = List.copyOf(messages);
    }
}
