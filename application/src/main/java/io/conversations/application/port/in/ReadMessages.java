package io.conversations.application.port.in;

import io.conversations.domain.chat.ChatId;
import io.conversations.domain.common.Outcome;
import io.conversations.domain.identity.UserRef;
import java.util.Optional;

/** A chat's messages, newest first, for its members only (40401 for anyone else). */
public interface ReadMessages {
    int DEFAULT_COUNT = 50;
    int MAX_COUNT = 100;

    Outcome<MessagePage> read(UserRef reader, ChatId chat, int count, Optional<Long> before);
}
