package io.conversations.application.contract;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.conversations.domain.chat.Chat;
import io.conversations.domain.chat.ChatId;
import io.conversations.domain.chat.ChatType;
import io.conversations.domain.conversation.ConversationId;
import io.conversations.domain.identity.CorpId;
import io.conversations.domain.identity.UserId;
import io.conversations.domain.identity.UserRef;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;

/**
 * What every out-port contract starts from, whichever store is behind the ports (the in-memory fake, the embedded
 * H2 file, MariaDB): a corp of its own with two users, and helpers to run a transaction and make a group chat. Each
 * port's contract extends it ({@code DirectoryContract}, {@code EventLogContract}, ...); each store runs them all.
 */
public abstract class StoreFixture {
    protected Ports ports;
    protected CorpId corp;
    protected UserRef alice;
    protected UserRef bob;

    /** The ports of the store under test; called once per test. */
    protected abstract Ports ports();

    /** Whether a transaction that throws leaves nothing behind (the in-memory fake does not promise it). */
    protected boolean rollsBack() {
        return true;
    }

    @BeforeEach
    void provisionACorpOfItsOwn() {
        ports = ports();
        corp = new CorpId("c" + UUID.randomUUID().toString().substring(0, 8));
        alice = new UserRef(corp, new UserId("alice"));
        bob = new UserRef(corp, new UserId("bob"));
        tx(() -> {
            ports.directory().putCorp(corp, "Corp", 1);
            ports.directory().putUser(alice, "Alice", "https://a/alice.png", 1);
            ports.directory().putUser(bob, "Bob", "", 1);
            return null;
        });
    }

    protected <T> T tx(Supplier<T> work) {
        return ports.transactions().inTransaction(work);
    }

    protected ChatId groupChat(String id, String title, long at, UserRef... members) {
        ChatId chat = new ChatId(id);
        List<UserId> ids = java.util.Arrays.stream(members).map(UserRef::user).toList();
        tx(() -> {
            assertTrue(ports.chats().create(new Chat(corp, chat, ChatType.GROUP, title, List.of("https://a/" + id),
                    Optional.empty(), ids.size()), ids, at));
            for (UserRef m : members) {
                ports.conversations().open(m, ConversationId.group(chat), chat, at);
            }
            return null;
        });
        return chat;
    }
}
