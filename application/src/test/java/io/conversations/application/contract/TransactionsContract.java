package io.conversations.application.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.conversations.domain.event.ConversationEvent;
import io.conversations.domain.identity.GroupName;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What every implementation of the {@code Transactions} out-port must do, whichever store is behind it. */
public abstract class TransactionsContract extends StoreFixture {
    @Test
    void aTransactionThatThrowsLeavesNothingBehind() {
        if (!rollsBack()) {
            return;
        }
        assertThrows(IllegalStateException.class, () -> tx(() -> {
            ports.groups().create(alice, new GroupName("Doomed"), 1);
            ports.events().appendAll(Map.of(alice, List.of(new ConversationEvent.GroupListUpdated(List.of()))), 1);
            throw new IllegalStateException("boom");
        }));
        assertFalse(tx(() -> ports.groups().exists(alice, new GroupName("Doomed"))));
        assertEquals(0, tx(() -> ports.events().lastSeq(alice)));
        assertEquals(List.of(), tx(() -> ports.groups().loadForUpdate(alice, List.of())).names());
    }
}
