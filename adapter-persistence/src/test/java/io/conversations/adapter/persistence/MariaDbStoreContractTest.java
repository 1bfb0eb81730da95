package io.conversations.adapter.persistence;

import io.conversations.adapter.persistence.testing.MariaDbTestDatabase;
import io.conversations.adapter.persistence.testing.SkipWithoutMariaDb;
import io.conversations.application.contract.ChatsContract;
import io.conversations.application.contract.ConversationGroupsContract;
import io.conversations.application.contract.ConversationsContract;
import io.conversations.application.contract.DirectoryContract;
import io.conversations.application.contract.EventLogContract;
import io.conversations.application.contract.IdempotencyKeysContract;
import io.conversations.application.contract.MessagesContract;
import io.conversations.application.contract.PickedChatsContract;
import io.conversations.application.contract.Ports;
import io.conversations.application.contract.TransactionsContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every out-port's contract on MariaDB, in a database of its own. */
@ExtendWith(SkipWithoutMariaDb.class)
class MariaDbStoreContractTest {
    private static MariaDbTestDatabase database;
    private static Store store;

    @BeforeAll
    static void open() {
        database = MariaDbTestDatabase.createForClass().orElse(null);
        if (database != null) {
            store = Store.open(database.settings());
        }
    }

    @AfterAll
    static void close() {
        if (store != null) {
            store.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @Nested
    class Directory extends DirectoryContract {
        @Override
        protected Ports ports() {
            return StorePorts.of(store);
        }
    }

    @Nested
    class Chats extends ChatsContract {
        @Override
        protected Ports ports() {
            return StorePorts.of(store);
        }
    }

    @Nested
    class Conversations extends ConversationsContract {
        @Override
        protected Ports ports() {
            return StorePorts.of(store);
        }
    }

    @Nested
    class ConversationGroups extends ConversationGroupsContract {
        @Override
        protected Ports ports() {
            return StorePorts.of(store);
        }
    }

    @Nested
    class Messages extends MessagesContract {
        @Override
        protected Ports ports() {
            return StorePorts.of(store);
        }
    }

    @Nested
    class EventLog extends EventLogContract {
        @Override
        protected Ports ports() {
            return StorePorts.of(store);
        }
    }

    @Nested
    class EventFeed extends EventFeedContract {
        @Override
        protected Ports ports() {
            return StorePorts.of(store);
        }

        @Override
        io.conversations.adapter.persistence.EventFeed feed() {
            return store.eventFeed();
        }
    }

    @Nested
    class Transactions extends TransactionsContract {
        @Override
        protected Ports ports() {
            return StorePorts.of(store);
        }
    }

    @Nested
    class PickedChats extends PickedChatsContract {
        @Override
        protected Ports ports() {
            return StorePorts.of(store);
        }
    }

    @Nested
    class IdempotencyKeys extends IdempotencyKeysContract {
        @Override
        protected Ports ports() {
            return StorePorts.of(store);
        }
    }
}
