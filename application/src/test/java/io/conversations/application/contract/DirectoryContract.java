package io.conversations.application.contract;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.conversations.domain.chat.Chat;
import io.conversations.domain.chat.ChatId;
import io.conversations.domain.chat.ChatType;
import io.conversations.domain.identity.CorpId;
import io.conversations.domain.identity.UserId;
import io.conversations.domain.identity.UserRef;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What every implementation of the {@code Directory} out-port must do, whichever store is behind it. */
public abstract class DirectoryContract extends StoreFixture {
    @Test
    void putsCorpsAndUsersAndFindsThemAgain() {
        assertTrue(tx(() -> ports.directory().corpExists(corp)));
        assertTrue(tx(() -> ports.directory().userExists(alice)));
        assertFalse(tx(() -> ports.directory().userExists(new UserRef(corp, new UserId("nobody")))));
        assertFalse(tx(() -> ports.directory().userExists(new UserRef(new CorpId("other"), new UserId("alice")))));
        tx(() -> {
            ports.directory().putCorp(corp, "Renamed", 2);
            return null;
        });
        assertTrue(tx(() -> ports.directory().corpExists(corp)));
    }

    @Test
    void saysWhenAUsersProfileChangedAndWhoSeesItInAOneToOneChat() {
        UserRef carol = new UserRef(corp, new UserId("carol"));
        assertFalse(tx(() -> ports.directory().putUser(carol, "Carol", "", 1)), "a new user shows nowhere yet");
        assertFalse(tx(() -> ports.directory().putUser(carol, "Carol", "", 2)), "nothing changed");
        assertTrue(tx(() -> ports.directory().putUser(carol, "Carol C", "", 3)));
        assertTrue(tx(() -> ports.directory().putUser(carol, "Carol C", "https://a/c.png", 4)));
        tx(() -> {
            ports.chats().create(new Chat(corp, new ChatId("c2c.ca"), ChatType.C2C, "", List.of(), Optional.empty(), 2),
                    List.of(carol.user(), alice.user()), 5);
            ports.chats().create(new Chat(corp, new ChatId("c2c.cb"), ChatType.C2C, "", List.of(), Optional.empty(), 2),
                    List.of(bob.user(), carol.user()), 5);
            ports.chats().create(new Chat(corp, new ChatId("g"), ChatType.GROUP, "G", List.of(), Optional.empty(), 2),
                    List.of(carol.user(), new UserId("dave")), 5);
            return null;
        });
        assertEquals(List.of(alice.user(), bob.user()), tx(() -> ports.chats().oneToOnePeers(corp, carol.user())));
        assertEquals(List.of(carol.user()), tx(() -> ports.chats().oneToOnePeers(corp, alice.user())));
        assertEquals(List.of(), tx(() -> ports.chats().oneToOnePeers(new CorpId("elsewhere"), carol.user())));
    }

    @Test
    void findsWhichOfManyUsersExistAcrossCorps() {
        UserRef nobody = new UserRef(corp, new UserId("nobody"));
        UserRef elsewhere = new UserRef(new CorpId("elsewhere-" + corp.value()), new UserId("alice"));
        assertEquals(Set.of(alice, bob), tx(() -> ports.directory().existingUsers(List.of(alice, nobody, bob, elsewhere))));
        assertEquals(Set.of(), tx(() -> ports.directory().existingUsers(List.of(nobody))));
    }
}
