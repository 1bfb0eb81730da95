package io.conversations.application.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.conversations.domain.chat.Chat;
import io.conversations.domain.chat.ChatId;
import io.conversations.application.port.out.Chats;
import io.conversations.domain.chat.ChatType;
import io.conversations.domain.chat.MessageContent;
import io.conversations.domain.chat.MessageType;
import io.conversations.domain.identity.CorpId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What every implementation of the {@code Chats} out-port must do, whichever store is behind it. */
public abstract class ChatsContract extends StoreFixture {
    @Test
    void aChatIdIsUniqueInItsCorpAndMembershipIsIdempotent() {
        ChatId chat = groupChat("sales", "Sales", 10, alice);
        assertFalse(tx(() -> ports.chats().create(new Chat(corp, chat, ChatType.GROUP, "again", List.of(),
                Optional.empty(), 1), List.of(bob.user()), 11)));
        assertTrue(tx(() -> ports.chats().addMember(corp, chat, bob.user(), 12)));
        assertFalse(tx(() -> ports.chats().addMember(corp, chat, bob.user(), 13)));
        assertEquals(List.of(alice.user(), bob.user()), tx(() -> ports.chats().members(corp, chat)));
        assertEquals(2, tx(() -> ports.chats().find(corp, chat)).orElseThrow().memberCount());
        assertTrue(tx(() -> ports.chats().removeMember(corp, chat, bob.user())));
        assertFalse(tx(() -> ports.chats().removeMember(corp, chat, bob.user())));
        assertEquals(1, tx(() -> ports.chats().find(corp, chat)).orElseThrow().memberCount());
        assertTrue(tx(() -> ports.chats().find(new CorpId("elsewhere"), chat)).isEmpty());
    }

    @Test
    void aBigChatCountsItsMessagesAndEveryChangeItsMembersSee() {
        ChatId chat = groupChat("all", "All", 10, alice, bob);
        assertEquals(Optional.of(Chats.Size.SMALL), tx(() -> ports.chats().lock(corp, chat)));
        assertEquals(Optional.empty(), tx(() -> ports.chats().lock(corp, new ChatId("none"))));
        tx(() -> {
            ports.chats().growBig(corp, chat);
            return null;
        });
        assertEquals(Optional.of(Chats.Size.BIG), tx(() -> ports.chats().lockFor(corp, chat, bob.user())));
        assertEquals(Optional.empty(), tx(() -> ports.chats().lockFor(corp, chat,
                new io.conversations.domain.identity.UserId("stranger"))), "not a member");
        long first = tx(() -> ports.chats().messageArrived(corp, ports.messages().append(corp, chat, alice.user(),
                new MessageContent(MessageType.TEXT, "one", List.of(), "", ""), 20)));
        long second = tx(() -> ports.chats().touch(corp, chat));
        assertTrue(first >= 1 && second == first + 1, first + " then " + second);
    }

    @Test
    void twoUsersShareAtMostOneOneToOneChat() {
        ChatId id = new ChatId("c2c.one");
        assertTrue(tx(() -> ports.chats().create(new Chat(corp, id, ChatType.C2C, "", List.of(), Optional.empty(), 2),
                List.of(alice.user(), bob.user()), 1)));
        assertFalse(tx(() -> ports.chats().create(new Chat(corp, new ChatId("c2c.two"), ChatType.C2C, "", List.of(),
                Optional.empty(), 2), List.of(bob.user(), alice.user()), 2)));
        assertEquals(Optional.of(id), tx(() -> ports.chats().findOneToOne(corp, bob.user(), alice.user())));
    }
}
