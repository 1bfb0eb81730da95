package io.conversations.application.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.conversations.application.fakes.InMemoryStore;
import io.conversations.application.model.ConversationPage;
import io.conversations.application.model.ConversationQuery;
import io.conversations.application.port.in.ChatCreated;
import io.conversations.application.port.in.IssuedToken;
import io.conversations.application.port.in.NewChat;
import io.conversations.domain.chat.ChatId;
import io.conversations.domain.chat.ChatType;
import io.conversations.domain.common.Outcome;
import io.conversations.domain.common.Problem;
import io.conversations.domain.conversation.Conversation;
import io.conversations.domain.conversation.ConversationId;
import io.conversations.domain.event.ConversationEvent.ConversationDeleted;
import io.conversations.domain.event.ConversationEvent.ConversationListUpdated;
import io.conversations.domain.event.ConversationEvent.GroupListUpdated;
import io.conversations.domain.event.ConversationEvent.GroupRenamed;
import io.conversations.domain.event.ConversationEvent.InGroupUpdated;
import io.conversations.domain.event.ConversationEvent;
import io.conversations.domain.event.RecordedEvent;
import io.conversations.domain.group.BatchResult;
import io.conversations.domain.group.GroupLimits;
import io.conversations.domain.identity.CorpId;
import io.conversations.domain.identity.GroupName;
import io.conversations.domain.identity.UserId;
import io.conversations.domain.identity.UserRef;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The use cases on the in-memory out-ports: what they store, what they answer, which events they record. */
class UseCaseTest {
    private final AtomicLong now = new AtomicLong(1_000);
    private final InMemoryStore store = new InMemoryStore();
    private final EventRecorder recorder = new EventRecorder(store, store);
    private final GroupService groups = new GroupService(store, store, recorder, now::incrementAndGet,
            GroupLimits.DEFAULTS);
    private final ConversationService conversations = new ConversationService(store, store, store, store, recorder, store,
            now::incrementAndGet);
    private final DirectoryService directory = new DirectoryService(store, store, store, store, recorder, now::incrementAndGet);
    private final ChatService chats = new ChatService(store, store, store, store, store, recorder, now::incrementAndGet,
            ChatService.DEFAULT_BIG_CHAT_MEMBERS);
    private final TokenService tokens = new TokenService(store, store, (user, expires) -> "token-for-" + user.user() + "-until-" + expires, now::incrementAndGet);
    private final CorpId acme = new CorpId("acme");
    private final UserRef alice = new UserRef(acme, new UserId("alice"));
    private final UserRef bob = new UserRef(acme, new UserId("bob"));
    private final GroupName suppliers = new GroupName("Suppliers");

    @BeforeEach
    void provisionAliceAndBobInTwoChats() {
        directory.put(acme, "Acme");
        done(directory.put(alice, "Alice", ""));
        done(directory.put(bob, "Bob", ""));
        done(chats.create(new NewChat(acme, ChatType.GROUP, Optional.of(new ChatId("sales")), "Sales", List.of(),
                Optional.of(alice.user()), List.of(bob.user()))));
        done(chats.create(new NewChat(acme, ChatType.C2C, Optional.empty(), "", List.of(), Optional.empty(),
                List.of(alice.user(), bob.user()))));
    }

    private static <T> T done(Outcome<T> outcome) {
        return ((Outcome.Done<T>) assertInstanceOf(Outcome.Done.class, outcome)).value();
    }

    private static Problem rejected(Outcome<?> outcome) {
        return assertInstanceOf(Outcome.Rejected.class, outcome).rejection().problem();
    }

    private List<ConversationEvent> eventsAfter(UserRef user, long seq) {
        return store.readAfter(user, seq, 500).events().stream().map(RecordedEvent::event).toList();
    }

    @Test
    void everyMemberOfANewChatGetsAConversationAndAnEventForIt() {
        List<ConversationEvent> bobs = eventsAfter(bob, 0);
        assertEquals(2, bobs.size());
        Conversation c2c = ((ConversationListUpdated) bobs.get(1)).conversations().get(0);
        assertEquals(ConversationId.parse("C2Calice"), c2c.id());
        assertEquals("Alice", c2c.title());
    }

    @Test
    void creatingTheSameOneToOneChatAgainAnswersTheExistingOne() {
        ChatCreated again = done(chats.create(new NewChat(acme, ChatType.C2C, Optional.empty(), "", List.of(),
                Optional.empty(), List.of(bob.user(), alice.user()))));
        assertEquals(false, again.created());
        assertEquals(2, eventsAfter(alice, 0).size(), "no new conversation, no new event");
    }

    @Test
    void aChatWithAnUnknownMemberIsRefusedWhole() {
        assertEquals(Problem.NOT_FOUND, rejected(chats.create(new NewChat(acme, ChatType.GROUP, Optional.empty(),
                "X", List.of(), Optional.empty(), List.of(alice.user(), new UserId("ghost"))))));
        assertEquals(2, eventsAfter(alice, 0).size());
    }

    @Test
    void creatingAGroupRecordsTheGroupListThenTheIdsThatJoinedIt() {
        long before = store.lastSeq(alice);
        BatchResult result = done(groups.create(alice, suppliers, List.of("GROUPsales", "C2Cnobody")));
        assertEquals(List.of("GROUPsales"), result.succeeded());
        assertEquals(List.of(new GroupListUpdated(List.of(suppliers)),
                InGroupUpdated.added(suppliers, List.of(ConversationId.parse("GROUPsales")))), eventsAfter(alice, before));
        long empty = store.lastSeq(alice);
        done(groups.create(alice, new GroupName("Empty"), List.of()));
        assertEquals(List.of(new GroupListUpdated(List.of(suppliers, new GroupName("Empty")))), eventsAfter(alice, empty),
                "an empty group adds no conversations");
    }

    @Test
    void aRejectedRequestRecordsNoEvent() {
        done(groups.create(alice, suppliers, List.of()));
        long before = store.lastSeq(alice);
        assertEquals(Problem.ALREADY_EXISTS, rejected(groups.create(alice, suppliers, List.of("GROUPsales"))));
        assertEquals(Problem.GROUP_NOT_FOUND, rejected(groups.add(alice, new GroupName("nope"), List.of("GROUPsales"))));
        assertEquals(Problem.GROUP_NOT_FOUND, rejected(groups.delete(alice, new GroupName("nope"))));
        assertEquals(before, store.lastSeq(alice));
    }

    @Test
    void addingRecordsOnlyTheIdsItAddedAndAddingNothingNewRecordsNothing() {
        done(groups.create(alice, suppliers, List.of("GROUPsales")));
        long before = store.lastSeq(alice);
        done(groups.add(alice, suppliers, List.of("C2Cbob", "GROUPsales")));
        assertEquals(List.of(InGroupUpdated.added(suppliers, List.of(ConversationId.parse("C2Cbob")))),
                eventsAfter(alice, before), "GROUPsales was in already; no conversation is sent again");
        long after = store.lastSeq(alice);
        done(groups.add(alice, suppliers, List.of("C2Cbob", "GROUPsales")));
        assertEquals(after, store.lastSeq(alice));
    }

    @Test
    void removingRecordsOnlyTheIdsItRemoved() {
        done(groups.create(alice, suppliers, List.of("GROUPsales", "C2Cbob")));
        long before = store.lastSeq(alice);
        done(groups.remove(alice, suppliers, List.of("C2Cbob", "C2Cnobody")));
        assertEquals(List.of(InGroupUpdated.removed(suppliers, List.of(ConversationId.parse("C2Cbob")))),
                eventsAfter(alice, before));
    }

    @Test
    void renamingRecordsTheOldAndNewNameThenTheGroupList() {
        done(groups.create(alice, suppliers, List.of("GROUPsales")));
        done(groups.create(alice, new GroupName("Other"), List.of()));
        long before = store.lastSeq(alice);
        assertEquals(new GroupName("需求研发"), done(groups.rename(alice, suppliers, new GroupName("需求研发"))));
        assertEquals(List.of(new GroupRenamed(suppliers, new GroupName("需求研发")),
                new GroupListUpdated(List.of(new GroupName("需求研发"), new GroupName("Other")))), eventsAfter(alice, before));
    }

    @Test
    void deletingRecordsTheGroupListAlone() {
        done(groups.create(alice, suppliers, List.of("GROUPsales", "C2Cbob")));
        long before = store.lastSeq(alice);
        done(groups.delete(alice, suppliers));
        assertEquals(List.of(new GroupListUpdated(List.of())), eventsAfter(alice, before));
    }

    @Test
    void leavingAChatTakesTheConversationOutOfTheUsersGroups() {
        done(groups.create(alice, suppliers, List.of("GROUPsales", "C2Cbob")));
        long before = store.lastSeq(alice);
        assertEquals(true, done(chats.removeMember(acme, new ChatId("sales"), alice.user())));
        assertEquals(Problem.NOT_FOUND, rejected(conversations.get(alice, ConversationId.parse("GROUPsales"))));
        List<ConversationEvent> told = eventsAfter(alice, before);
        assertEquals(InGroupUpdated.removed(suppliers, List.of(ConversationId.parse("GROUPsales"))), told.get(0));
        assertEquals(new ConversationDeleted(List.of(ConversationId.parse("GROUPsales"))), told.get(1),
                "then the conversation itself is gone");
        assertEquals(2, told.size());
        assertEquals(1, groups.list(alice).get(0).conversationCount());
    }

    @Test
    void aNewNickOrAvatarReachesTheOneToOnePeersAndNobodyElse() {
        long bobBefore = store.lastSeq(bob);
        long aliceBefore = store.lastSeq(alice);
        done(directory.put(alice, "Alice", ""));
        assertEquals(List.of(), eventsAfter(bob, bobBefore), "nothing changed, nothing to tell");
        done(directory.put(alice, "Alice Liddell", "https://a/alice.png"));
        List<ConversationEvent> bobs = eventsAfter(bob, bobBefore);
        assertEquals(1, bobs.size());
        Conversation shown = ((ConversationListUpdated) bobs.get(0)).conversations().get(0);
        assertEquals(ConversationId.parse("C2Calice"), shown.id());
        assertEquals("Alice Liddell", shown.title());
        assertEquals(List.of("https://a/alice.png"), shown.avatarIcons());
        assertEquals(List.of(), eventsAfter(alice, aliceBefore), "her own conversations do not show her");
    }

    @Test
    void theListPagesWithACursorAndSaysWhichEventItReflects() {
        ConversationPage first = done(conversations.list(alice,
                new ConversationQuery(Optional.empty(), Optional.empty(), 1, Optional.empty())));
        assertEquals(1, first.conversations().size());
        assertTrue(first.next().isPresent());
        assertEquals(store.lastSeq(alice), first.eventSeq());
        ConversationPage second = done(conversations.list(alice,
                new ConversationQuery(Optional.empty(), Optional.empty(), 1, first.next())));
        assertTrue(second.finished());
        assertTrue(!first.conversations().get(0).id().equals(second.conversations().get(0).id()));
        assertEquals(Problem.GROUP_NOT_FOUND, rejected(conversations.list(alice,
                new ConversationQuery(Optional.of(new GroupName("nope")), Optional.empty(), 10, Optional.empty()))));
    }

    @Test
    void aTokenIsOnlyIssuedForAKnownUserAndASaneLifetime() {
        IssuedToken issued = done(tokens.issue(alice, 60));
        assertTrue(issued.token().startsWith("token-for-alice"));
        assertTrue(issued.token().endsWith("-until-" + issued.expiresAt()), "the token expires when the answer says");
        assertEquals(Problem.NOT_FOUND, rejected(tokens.issue(new UserRef(acme, new UserId("ghost")), 60)));
        assertEquals(Problem.MALFORMED, rejected(tokens.issue(alice, 0)));
    }
}
