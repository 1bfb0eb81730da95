package io.conversations.application.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.conversations.application.fakes.InMemoryStore;
import io.conversations.application.port.in.NewChat;
import io.conversations.domain.chat.ChatId;
import io.conversations.domain.chat.ChatType;
import io.conversations.domain.chat.MessageContent;
import io.conversations.domain.chat.MessageType;
import io.conversations.domain.common.Outcome;
import io.conversations.domain.conversation.Conversation;
import io.conversations.domain.conversation.ConversationId;
import io.conversations.domain.event.ConversationEvent;
import io.conversations.domain.event.ConversationEvent.ConversationDeleted;
import io.conversations.domain.event.ConversationEvent.ConversationListUpdated;
import io.conversations.domain.event.RecordedEvent;
import io.conversations.domain.identity.CorpId;
import io.conversations.domain.identity.UserId;
import io.conversations.domain.identity.UserRef;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Big chats on the in-memory out-ports (big from 3 members here): a send writes the sender's event and the chat,
 * and each other member's event is recorded later, one however many messages arrived; membership changes write
 * the member who changed; a chat that grows big reads the same to everyone.
 */
class BigChatTest {
    private final AtomicLong now = new AtomicLong(1_000);
    private final InMemoryStore store = new InMemoryStore();
    private final EventRecorder recorder = new EventRecorder(store, store);
    private final DirectoryService directory = new DirectoryService(store, store, store, store, recorder, now::incrementAndGet);
    private final ChatService chats = new ChatService(store, store, store, store, store, recorder, now::incrementAndGet, 3);
    private final MessageService messages = new MessageService(store, store, store, store, store, recorder,
            now::incrementAndGet);
    private final ConversationService conversations = new ConversationService(store, store, store, store, recorder,
            store, now::incrementAndGet);
    private final ChatChangeEvents chatEvents = new ChatChangeEvents(store, store, store, recorder, now::incrementAndGet);
    private final CorpId acme = new CorpId("acme");
    private final UserRef alice = user("alice");
    private final UserRef bob = user("bob");
    private final UserRef carol = user("carol");
    private final UserRef dave = user("dave");
    private final ChatId all = new ChatId("all");
    private final ConversationId allId = ConversationId.group(all);

    private UserRef user(String id) {
        return new UserRef(acme, new UserId(id));
    }

    @BeforeEach
    void fourUsers() {
        directory.put(acme, "Acme");
        for (UserRef u : List.of(alice, bob, carol, dave)) {
            done(directory.put(u, u.user().value(), ""));
        }
    }

    private static <T> T done(Outcome<T> outcome) {
        return ((Outcome.Done<T>) assertInstanceOf(Outcome.Done.class, outcome)).value();
    }

    private List<ConversationEvent> eventsAfter(UserRef user, long seq) {
        return store.readAfter(user, seq, 500).events().stream().map(RecordedEvent::event).toList();
    }

    private void send(UserRef sender, ChatId chat, String text) {
        done(messages.send(sender, chat, new MessageContent(MessageType.TEXT, text, List.of(), "", "")));
    }

    private Conversation of(UserRef user, ConversationId id) {
        return done(conversations.get(user, id));
    }

    @Test
    void aSendIntoABigChatRecordsTheSendersEventOnlyAndEachOtherMemberGetsOneEventLater() {
        done(chats.create(new NewChat(acme, ChatType.GROUP, Optional.of(all), "All", List.of(), Optional.of(alice.user()),
                List.of(bob.user(), carol.user()))));
        assertEquals(List.of(), eventsAfter(bob, 0), "a big chat's members learn of it when their events are recorded");
        assertEquals(3, chatEvents.record(acme, List.of(alice.user(), bob.user(), carol.user()), true));
        long bobAt = store.lastSeq(bob);
        for (int i = 0; i < 5; i++) {
            send(alice, all, "m" + i);
        }
        assertEquals(5, eventsAfter(alice, store.lastSeq(alice) - 5).size(), "the sender's own, one a message");
        assertEquals(List.of(), eventsAfter(bob, bobAt), "nothing written for bob by the sends");
        assertEquals(5, of(bob, allId).unreadCount(), "yet his view is derived at once");

        assertEquals(2, chatEvents.record(acme, List.of(alice.user(), bob.user(), carol.user()), false),
                "bob and carol had something untold; alice's own sends told her");
        List<ConversationEvent> told = eventsAfter(bob, bobAt);
        assertEquals(1, told.size(), "one event for five messages");
        assertEquals(of(bob, allId), ((ConversationListUpdated) told.get(0)).conversations().get(0));
        assertEquals(0, chatEvents.record(acme, List.of(bob.user()), false), "told once");
    }

    @Test
    void aMemberInOrOutWritesThatMemberAndTheOthersLearnTheNewSizeLater() {
        done(chats.create(new NewChat(acme, ChatType.GROUP, Optional.of(all), "All", List.of(), Optional.of(alice.user()),
                List.of(bob.user(), carol.user()))));
        chatEvents.record(acme, List.of(alice.user(), bob.user(), carol.user()), false);
        send(alice, all, "before dave");
        long bobAt = store.lastSeq(bob);
        assertTrue(done(chats.addMember(acme, all, dave.user())));
        Conversation daves = of(dave, allId);
        assertEquals(0, daves.unreadCount(), "nothing sent before he joined is unread to him");
        assertEquals(4, daves.memberCount());
        assertEquals(1, eventsAfter(dave, 0).size(), "his own event of the new conversation");
        assertEquals(List.of(), eventsAfter(bob, bobAt));
        assertEquals(4, of(bob, allId).memberCount());

        assertTrue(done(chats.removeMember(acme, all, carol.user())));
        assertTrue(eventsAfter(carol, 0).stream().anyMatch(e -> e instanceof ConversationDeleted));
        chatEvents.record(acme, List.of(bob.user(), carol.user()), false);
        Conversation bobs = ((ConversationListUpdated) eventsAfter(bob, bobAt).get(0)).conversations().get(0);
        assertEquals(3, bobs.memberCount());
        assertEquals(1, bobs.unreadCount());
        assertTrue(store.untold(acme, List.of(carol.user())).isEmpty(), "carol left: nothing more for her");
    }

    @Test
    void aChatThatGrowsBigReadsTheSameToItsMembersAndGoesOnCountingExactly() {
        done(chats.create(new NewChat(acme, ChatType.GROUP, Optional.of(all), "All", List.of(), Optional.of(alice.user()),
                List.of(bob.user()))));
        send(alice, all, "one");
        send(bob, all, "two");
        send(alice, all, "three");
        Conversation alices = of(alice, allId);
        Conversation bobs = of(bob, allId);
        assertEquals(2, bobs.unreadCount());
        assertTrue(done(chats.addMember(acme, all, carol.user())), "the third member: big from here");
        assertEquals(Optional.of(io.conversations.application.port.out.Chats.Size.BIG),
                store.inTransaction(() -> store.lock(acme, all)));
        assertEquals(alices.unreadCount(), of(alice, allId).unreadCount());
        assertEquals(bobs.unreadCount(), of(bob, allId).unreadCount());
        assertEquals(bobs.lastMessage(), of(bob, allId).lastMessage());
        assertEquals(bobs.activityAt(), of(bob, allId).activityAt());
        assertEquals(0, of(carol, allId).unreadCount());
        send(carol, all, "four");
        assertEquals(3, of(bob, allId).unreadCount());
        assertEquals(2, of(alice, allId).unreadCount());
        assertEquals(0, of(carol, allId).unreadCount());
    }
}
