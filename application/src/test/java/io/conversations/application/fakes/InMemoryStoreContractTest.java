package io.conversations.application.fakes;

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
import org.junit.jupiter.api.Nested;

/** The fake must behave like the real stores, or the use-case tests that use it prove nothing: every port's contract. */
class InMemoryStoreContractTest {
    @Nested
    class Directory extends DirectoryContract {
        @Override
        protected Ports ports() {
            return Ports.of(new InMemoryStore());
        }

        @Override
        protected boolean rollsBack() {
            return false;
        }
    }

    @Nested
    class Chats extends ChatsContract {
        @Override
        protected Ports ports() {
            return Ports.of(new InMemoryStore());
        }

        @Override
        protected boolean rollsBack() {
            return false;
        }
    }

    @Nested
    class Conversations extends ConversationsContract {
        @Override
        protected Ports ports() {
            return Ports.of(new InMemoryStore());
        }

        @Override
        protected boolean rollsBack() {
            return false;
        }
    }

    @Nested
    class ConversationGroups extends ConversationGroupsContract {
        @Override
        protected Ports ports() {
            return Ports.of(new InMemoryStore());
        }

        @Override
        protected boolean rollsBack() {
            return false;
        }
    }

    @Nested
    class Messages extends MessagesContract {
        @Override
        protected Ports ports() {
            return Ports.of(new InMemoryStore());
        }

        @Override
        protected boolean rollsBack() {
            return false;
        }
    }

    @Nested
    class EventLog extends EventLogContract {
        @Override
        protected Ports ports() {
            return Ports.of(new InMemoryStore());
        }

        @Override
        protected boolean rollsBack() {
            return false;
        }
    }

    @Nested
    class Transactions extends TransactionsContract {
        @Override
        protected Ports ports() {
            return Ports.of(new InMemoryStore());
        }

        @Override
        protected boolean rollsBack() {
            return false;
        }
    }

    @Nested
    class PickedChats extends PickedChatsContract {
        @Override
        protected Ports ports() {
            return Ports.of(new InMemoryStore());
        }

        @Override
        protected boolean rollsBack() {
            return false;
        }
    }

    @Nested
    class IdempotencyKeys extends IdempotencyKeysContract {
        @Override
        protected Ports ports() {
            return Ports.of(new InMemoryStore());
        }

        @Override
        protected boolean rollsBack() {
            return false;
        }
    }
}
