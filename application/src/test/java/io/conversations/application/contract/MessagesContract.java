package io.conversations.application.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.conversations.domain.chat.ChatId;
import io.conversations.domain.chat.Message;
import io.conversations.domain.chat.MessageContent;
import io.conversations.domain.chat.MessageType;
import io.conversations.domain.identity.CorpId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What every implementation of the {@code Messages} out-port must do, whichever store is behind it. */
public abstract class MessagesContract extends StoreFixture {
    @Test
    void pagesAChatsMessagesNewestFirst() {
        ChatId chat = groupChat("talk", "Talk", 1, alice, bob);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            int n = i;
            ids.add(tx(() -> ports.messages().append(corp, chat, bob.user(),
                    new MessageContent(MessageType.TEXT, "m" + n, List.of(), "", ""), 100 + n)).id());
        }
        List<Message> newest = tx(() -> ports.messages().page(corp, chat, Optional.empty(), 0, 3));
        assertEquals(List.of("m6", "m5", "m4"), newest.stream().map(m -> m.content().text()).toList());
        List<Message> older = tx(() -> ports.messages().page(corp, chat, Optional.of(newest.get(2).id()), 0, 10));
        assertEquals(List.of("m3", "m2", "m1", "m0"), older.stream().map(m -> m.content().text()).toList());
        assertTrue(tx(() -> ports.messages().page(new CorpId("elsewhere"), chat, Optional.empty(), 0, 10)).isEmpty());
        assertEquals(new MessageContent(MessageType.TEXT, "m0", List.of(), "", ""), older.get(3).content());
        List<Message> afterClear = tx(() -> ports.messages().page(corp, chat, Optional.empty(), ids.get(4), 10));
        assertEquals(List.of("m6", "m5"), afterClear.stream().map(m -> m.content().text()).toList());
    }
}
