package io.conversations.application.contract;

import io.conversations.application.port.out.Chats;
import io.conversations.application.port.out.ConversationGroups;
import io.conversations.application.port.out.Conversations;
import io.conversations.application.port.out.Directory;
import io.conversations.application.port.out.EventLog;
import io.conversations.application.port.out.IdempotencyKeys;
import io.conversations.application.port.out.Messages;
import io.conversations.application.port.out.PickedChats;
import io.conversations.application.port.out.Transactions;
import io.conversations.application.fakes.InMemoryStore;

/** The out-ports of one store under test. */
public record Ports(Transactions transactions, Directory directory, Chats chats, Conversations conversations,
                    ConversationGroups groups, EventLog events, Messages messages,
                    PickedChats picks, IdempotencyKeys idempotency) {
    public static Ports of(InMemoryStore store) {
        return new Ports(store, store, store, store, store, store, store, store, store);
    }
}
