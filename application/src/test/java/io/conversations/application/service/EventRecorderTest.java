package io.conversations.application.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.conversations.application.fakes.InMemoryStore;
import io.conversations.application.model.ConversationQuery;
import io.conversations.application.model.ListPosition;
import io.conversations.application.port.in.NewChat;
import io.conversations.domain.chat.ChatId;
import io.conversations.domain.chat.ChatType;
import io.conversations.domain.conversation.Conversation;
import io.conversations.domain.conversation.ConversationId;
import io.conversations.domain.event.ConversationEvent.ConversationListUpdated;
import io.conversations.domain.event.ConversationEvent.GroupListUpdated;
import io.conversations.domain.event.ConversationEvent;
import io.conversations.domain.identity.CorpId;
import io.conversations.domain.identity.UserId;
import io.conversations.domain.identity.UserRef;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Recording events stamps the conversations a list event names, so that a list cursor never lists them twice. */
class EventRecorderTest {
    private final AtomicLong now = new AtomicLong(1_000);
    private final InMemoryStore store = new InMemoryStore();
    private final EventRecorder recorder = new EventRecorder(store, store);
    private final CorpId acme = new CorpId("acme");
    private final UserRef alice = new UserRef(acme, new UserId("alice"));
    private final UserRef bob = new UserRef(acme, new UserId("bob"));
    private final ChatId sales = new ChatId("sales");

    @BeforeEach
    void aliceAndBobShareAChat() {
        DirectoryService directory = new DirectoryService(store, store, store, store, recorder, now::incrementAndGet);
        directory.put(acme, "Acme");
        directory.put(alice, "Alice", "");
        directory.put(bob, "Bob", "");
        new ChatService(store, store, store, store, store, recorder, now::incrementAndGet,
            ChatService.DEFAULT_BIG_CHAT_MEMBERS).create(new NewChat(acme,
                ChatType.GROUP, Optional.of(sales), "Sales", List.of(), Optional.of(alice.user()), List.of(bob.user())));
    }

    private List<Conversation> pageAfterTopAsOf(UserRef user, long asOfSeq) {
        ListPosition top = new ListPosition(true, Long.MAX_VALUE, ConversationId.parse("GROUPzzz"), asOfSeq);
        return store.inTransaction(() -> store.page(user,
                new ConversationQuery(Optional.empty(), Optional.empty(), 10, Optional.of(top)), 10));
    }

    @Test
    void eachUsersConversationIsStampedWithTheNewestEventOfTheirsThatListsIt() {
        long aliceBefore = store.lastSeq(alice);
        long bobBefore = store.lastSeq(bob);
        Conversation alices = store.find(alice, ConversationId.group(sales)).orElseThrow();
        Conversation bobs = store.find(bob, ConversationId.group(sales)).orElseThrow();
        ConversationEvent listed = new ConversationListUpdated(List.of(alices));
        Map<UserRef, List<ConversationEvent>> happened = new LinkedHashMap<>();
        happened.put(alice, List.of(listed, new GroupListUpdated(List.of()), listed));
        happened.put(bob, List.of(new ConversationListUpdated(List.of(bobs))));
        assertEquals(1, pageAfterTopAsOf(alice, aliceBefore).size(), "not listed by an event after the cursor yet");

        store.inTransaction(() -> {
            recorder.recordAll(happened, now.incrementAndGet());
            return null;
        });

        // Listed by alice's first and third event: a cursor as of the second still leaves it out, one as of the
        // third lists it (the client had it before the cursor's first page).
        assertEquals(List.of(), pageAfterTopAsOf(alice, aliceBefore + 2));
        assertEquals(1, pageAfterTopAsOf(alice, aliceBefore + 3).size());
        assertEquals(List.of(), pageAfterTopAsOf(bob, bobBefore));
        assertEquals(1, pageAfterTopAsOf(bob, bobBefore + 1).size());
    }

    @Test
    void eventsThatListNoConversationStampNothing() {
        long before = store.lastSeq(alice);
        store.inTransaction(() -> {
            recorder.record(alice, List.of(new GroupListUpdated(List.of())), now.incrementAndGet());
            return null;
        });
        assertEquals(before + 1, store.lastSeq(alice));
        assertEquals(1, pageAfterTopAsOf(alice, before).size());
    }
}
