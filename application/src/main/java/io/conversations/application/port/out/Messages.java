package io.conversations.application.port.out;

import io.conversations.domain.chat.ChatId;
import io.conversations.domain.chat.Message;
import io.conversations.domain.chat.MessageContent;
import io.conversations.domain.identity.CorpId;
import io.conversations.domain.identity.UserId;
import java.util.List;
import java.util.Optional;

/** The messages of each chat, newest last; ids grow with time. */
public interface Messages {

    Message append(CorpId corp, ChatId chat, UserId sender, MessageContent content, long now);

    /**
     * Up to {@code limit} of the chat's messages older than {@code before} (all when empty) and newer than
     * {@code after} (a reader's cleared history; 0 for none), newest first.
     */
    List<Message> page(CorpId corp, ChatId chat, Optional<Long> before, long after, int limit);
}
