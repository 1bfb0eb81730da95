package io.conversations.application.port.in;

import io.conversations.domain.chat.ChatId;
import io.conversations.domain.chat.Message;
import io.conversations.domain.chat.MessageContent;
import io.conversations.domain.common.Outcome;
import io.conversations.domain.identity.UserRef;

/**
 * Sends a message into a chat the sender is in (40401 otherwise): every member's conversation
 * moves up and shows it, and every member but the sender has one more unread.
 */
public interface SendMessage {
    Outcome<Message> send(UserRef sender, ChatId chat, MessageContent content);
}
