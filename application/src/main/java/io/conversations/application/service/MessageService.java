package io.conversations.application.service;

import io.conversations.application.port.in.MessagePage;
import io.conversations.application.port.in.ReadMessages;
import io.conversations.application.port.in.SendMessage;
import io.conversations.application.port.out.Chats;
import io.conversations.application.port.out.Clock;
import io.conversations.application.port.out.Conversations;
import io.conversations.application.port.out.Directory;
import io.conversations.application.port.out.Messages;
import io.conversations.application.port.out.Transactions;
import io.conversations.domain.chat.ChatId;
import io.conversations.domain.chat.Message;
import io.conversations.domain.chat.MessageContent;
import io.conversations.domain.common.Outcome;
import io.conversations.domain.common.Problem;
import io.conversations.domain.conversation.Conversation;
import io.conversations.domain.event.ConversationEvent.ConversationListUpdated;
import io.conversations.domain.event.ConversationEvent;
import io.conversations.domain.identity.UserId;
import io.conversations.domain.identity.UserRef;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Sending and reading a chat's messages; a sent message moves every member's conversation in one transaction. */
public final class MessageService implements SendMessage, ReadMessages {
    private final Transactions transactions;
    private final Chats chats;
    private final Messages messages;
    private final Conversations conversations;
    private final Directory directory;
    private final EventRecorder events;
    private final Clock clock;

    public MessageService(Transactions transactions, Chats chats, Messages messages, Conversations conversations,
                          Directory directory, EventRecorder events, Clock clock) {
        this.transactions = transactions;
        this.chats = chats;
        this.messages = messages;
        this.conversations = conversations;
        this.directory = directory;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public Outcome<Message> send(UserRef sender, ChatId chat, MessageContent content) {
        return transactions.inTransaction(() -> {
            Optional<Chats.Size> size = chats.lockFor(sender.corp(), chat, sender.user());
            if (size.isEmpty()) {
                return notFound(chat);
            }
            return size.get() == Chats.Size.BIG ? sendToBig(sender, chat, content) : sendToEach(sender, chat, content);
        });
    }

    /**
     * Into a big chat: the message, the chat's own state (its row locked: sends into it take turns), and the
     * sender's own conversation and event. Its other members' views are derived from the chat's state; their events
     * are recorded later ({@link ChatChangeEvents}), each member's as one event however many messages arrived.
     */
    private Outcome<Message> sendToBig(UserRef sender, ChatId chat, MessageContent content) {
        long now = clock.millis();
        Message message = messages.append(sender.corp(), chat, sender.user(), content, now);
        long version = chats.messageArrived(sender.corp(), message);
        directory.lock(sender);
        conversations.recordOwnMessage(sender, message, version);
        Conversation own = conversations.findByChat(sender, chat).orElseThrow();
        events.record(sender, List.of(new ConversationListUpdated(List.of(own))), now);
        return Outcome.done(message);
    }

    /** Into a small chat: every member's conversation and event log, in one transaction. */
    private Outcome<Message> sendToEach(UserRef sender, ChatId chat, MessageContent content) {
        List<UserId> members = chats.members(sender.corp(), chat);
        // Every member's row, in userId order: their counters and event sequences move together.
        directory.lockAll(sender.corp(), members);
        long now = clock.millis();
        Message message = messages.append(sender.corp(), chat, sender.user(), content, now);
        conversations.recordMessage(sender.corp(), message);
        Map<UserRef, List<ConversationEvent>> happened = new LinkedHashMap<>();
        conversations.findByChat(sender.corp(), chat, members).forEach((member, conversation) -> happened.put(
                new UserRef(sender.corp(), member), List.of(new ConversationListUpdated(List.of(conversation)))));
        events.recordAll(happened, now);
        return Outcome.done(message);
    }

    @Override
    public Outcome<MessagePage> read(UserRef reader, ChatId chat, int count, Optional<Long> before) {
        return transactions.inTransaction(() -> {
            if (!chats.isMember(reader.corp(), chat, reader.user())) {
                return notFound(chat);
            }
            long cleared = conversations.historyClearedThrough(reader, chat);
            List<Message> rows = messages.page(reader.corp(), chat, before, cleared, count + 1);
            if (rows.size() <= count) {
                return Outcome.done(new MessagePage(rows, Optional.empty()));
            }
            List<Message> page = rows.subList(0, count);
            return Outcome.done(new MessagePage(page, Optional.of(page.get(page.size() - 1).id())));
        });
    }

    private static <T> Outcome<T> notFound(ChatId chat) {
        return Outcome.rejected(Problem.NOT_FOUND, "no chat " + chat + " for this user");
    }
}
