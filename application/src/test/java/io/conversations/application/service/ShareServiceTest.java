package io.conversations.application.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.conversations.application.fakes.InMemoryStore;
import io.conversations.application.port.in.NewChat;
import io.conversations.application.port.in.ShareToChat;
import io.conversations.domain.chat.ChatId;
import io.conversations.domain.chat.ChatType;
import io.conversations.domain.chat.Message;
import io.conversations.domain.chat.MessageContent;
import io.conversations.domain.chat.MessageType;
import io.conversations.domain.common.Outcome;
import io.conversations.domain.common.Problem;
import io.conversations.domain.identity.CorpId;
import io.conversations.domain.identity.UserId;
import io.conversations.domain.identity.UserRef;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** pickConversation's one-time cid: who may pick, what it posts, and that it posts once. */
class ShareServiceTest {
    private final AtomicLong now = new AtomicLong(1_000);
    private final InMemoryStore store = new InMemoryStore();
    private final EventRecorder recorder = new EventRecorder(store, store);
    private final ConversationService conversations = new ConversationService(store, store, store, store, recorder, store,
            now::get);
    private final MessageService messages = new MessageService(store, store, store, store, store, recorder, now::get);
    private final DirectoryService directory = new DirectoryService(store, store, store, store, recorder, now::get);
    private final ChatService chats = new ChatService(store, store, store, store, store, recorder, now::get,
            ChatService.DEFAULT_BIG_CHAT_MEMBERS);
    private final TokenService tokens = new TokenService(store, store, (user, expires) -> "token", now::get);
    private final ShareService shares = new ShareService(store, store, conversations, messages, now::get);
    private final CorpId acme = new CorpId("acme");
    private final UserRef alice = new UserRef(acme, new UserId("alice"));
    private final UserRef bob = new UserRef(acme, new UserId("bob"));
    private final ChatId sales = new ChatId("sales");
    private final MessageContent hello = new MessageContent(MessageType.TEXT, "hello", List.of(), "", "");

    @BeforeEach
    void aliceAndBobInSales() {
        directory.put(acme, "Acme");
        directory.put(new CorpId("other"), "Other");
        directory.put(alice, "Alice", "");
        directory.put(bob, "Bob", "");
        directory.put(new UserRef(acme, new UserId("carol")), "Carol", "");
        chats.create(new NewChat(acme, ChatType.GROUP, Optional.of(sales), "Sales", List.of(),
                Optional.of(alice.user()), List.of(bob.user())));
    }

    private static <T> T done(Outcome<T> outcome) {
        return ((Outcome.Done<T>) assertInstanceOf(Outcome.Done.class, outcome)).value();
    }

    private static Problem rejected(Outcome<?> outcome) {
        return assertInstanceOf(Outcome.Rejected.class, outcome).rejection().problem();
    }

    @Test
    void aPickGivesAFreshCidThatPostsOneMessageAsThePicker() {
        ShareToChat.Picked picked = done(shares.pick(alice, acme, sales));
        assertTrue(ShareToChat.looksLikeCid(picked.cid()), picked.cid());
        assertEquals("Sales", picked.conversation().title());
        assertNotEquals(picked.cid(), done(shares.pick(alice, acme, sales)).cid(), "each pick its own cid");
        assertEquals("Sales", done(shares.picked(alice, picked.cid())).title());
        assertEquals(Problem.NOT_FOUND, rejected(shares.picked(bob, picked.cid())), "another user's cid");

        assertEquals(Problem.NOT_FOUND, rejected(shares.sendToPicked(new CorpId("other"), picked.cid(), hello)));
        Message sent = done(shares.sendToPicked(acme, picked.cid(), hello));
        assertEquals(alice.user(), sent.sender());
        assertEquals(sales, sent.chat());
        assertEquals(Problem.NOT_FOUND, rejected(shares.sendToPicked(acme, picked.cid(), hello)), "once");
        assertEquals(1, done(messages.read(bob, sales, 10, Optional.empty())).messages().size());
    }

    @Test
    void onlyAMemberOfTheCallersCorpMayPickAChat() {
        assertEquals(Problem.FOREIGN_CORP, rejected(shares.pick(alice, new CorpId("other"), sales)));
        assertEquals(Problem.NOT_FOUND, rejected(shares.pick(new UserRef(acme, new UserId("carol")), acme, sales)));
        assertEquals(Problem.NOT_FOUND, rejected(shares.pick(alice, acme, new ChatId("nope"))));
    }

    @Test
    void aCidExpiresAfterADayAndAPickerWhoLeftPostsNothingWithoutUsingItUp() {
        String cid = done(shares.pick(alice, acme, sales)).cid();
        done(chats.removeMember(acme, sales, alice.user()));
        assertEquals(Problem.NOT_FOUND, rejected(shares.sendToPicked(acme, cid, hello)));
        done(chats.addMember(acme, sales, alice.user()));
        done(shares.sendToPicked(acme, cid, hello));

        String late = done(shares.pick(alice, acme, sales)).cid();
        now.addAndGet(ShareToChat.CID_LIFETIME_MILLIS);
        assertEquals(Problem.NOT_FOUND, rejected(shares.sendToPicked(acme, late, hello)));
        assertEquals(Problem.NOT_FOUND, rejected(shares.picked(alice, late)));
        assertEquals(2, shares.pruneExpired());
        assertEquals(Problem.NOT_FOUND, rejected(shares.sendToPicked(acme, "cid" + "A".repeat(22), hello)));
        assertEquals(Problem.NOT_FOUND, rejected(shares.sendToPicked(acme, "GROUPsales", hello)));
    }
}
