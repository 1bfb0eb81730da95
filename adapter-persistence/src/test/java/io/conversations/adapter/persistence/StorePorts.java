package io.conversations.adapter.persistence;

import io.conversations.application.contract.Ports;

/** The contract suite's view of a real store. */
final class StorePorts {
    private StorePorts() {}

    static Ports of(Store store) {
        return new Ports(store.transactions(), store.directory(), store.chats(), store.conversations(),
                store.conversationGroups(), store.eventLog(), store.messages(),
                store.pickedChats(), store.idempotencyKeys());
    }
}
