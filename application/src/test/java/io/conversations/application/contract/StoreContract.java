package io.conversations.application.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.conversations.application.model.ConversationQuery;
import io.conversations.application.model.EventPage;
import io.conversations.application.model.GroupSummary;
import io.conversations.application.model.ListPosition;
import io.conversations.application.port.out.IdempotencyKeys;
import io.conversations.application.port.out.PickedChats;
import io.conversations.application.port.out.EventFeed;
import io.conversations.domain.chat.Chat;
import io.conversations.domain.chat.ChatId;
import io.conversations.domain.chat.ChatType;
import io.conversations.domain.chat.Message;
import io.conversations.domain.chat.MessageContent;
import io.conversations.domain.chat.MessageType;
import io.conversations.domain.conversation.Conversation;
import io.conversations.domain.conversation.ConversationChange;
import io.conversations.domain.conversation.ConversationId;
import io.conversations.domain.event.ConversationEvent;
import io.conversations.domain.event.RecordedEvent;
import io.conversations.domain.group.GroupsSnapshot;
import io.conversations.domain.identity.GroupName;
import io.conversations.domain.identity.CorpId;
import io.conversations.domain.identity.UserId;
import io.conversations.domain.identity.UserRef;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every implementation of the out-ports must do, whichever store is behind them: the
 * in-memory fake, the embedded H2 file and MariaDB each run this same suite.
 */
public abstract class StoreContract {
    private Ports ports;
    private CorpId corp;
    private UserRef alice;
    private UserRef bob;

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

    private <T> T tx(Supplier<T> work) {
        return ports.transactions().inTransaction(work);
    }

    private ChatId groupChat(String id, String title, long at, UserRef... members) {
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
    void twoUsersShareAtMostOneOneToOneChat() {
        ChatId id = new ChatId("c2c.one");
        assertTrue(tx(() -> ports.chats().create(new Chat(corp, id, ChatType.C2C, "", List.of(), Optional.empty(), 2),
                List.of(alice.user(), bob.user()), 1)));
        assertFalse(tx(() -> ports.chats().create(new Chat(corp, new ChatId("c2c.two"), ChatType.C2C, "", List.of(),
                Optional.empty(), 2), List.of(bob.user(), alice.user()), 2)));
        assertEquals(Optional.of(id), tx(() -> ports.chats().findOneToOne(corp, bob.user(), alice.user())));
    }

    @Test
    void aConversationShowsItsChatOrItsPeer() {
        ChatId sales = groupChat("sales", "Sales 销售", 10, alice, bob);
        ChatId direct = new ChatId("c2c.ab");
        tx(() -> {
            ports.chats().create(new Chat(corp, direct, ChatType.C2C, "", List.of(), Optional.empty(), 2),
                    List.of(alice.user(), bob.user()), 20);
            ports.conversations().open(bob, ConversationId.c2c(alice.user()), direct, 20);
            return null;
        });
        Conversation group = tx(() -> ports.conversations().find(bob, ConversationId.group(sales))).orElseThrow();
        assertEquals("Sales 销售", group.title());
        assertEquals(List.of("https://a/sales"), group.avatarIcons());
        assertEquals(2, group.memberCount());
        assertEquals(10, group.activityAt());
        Conversation peer = tx(() -> ports.conversations().find(bob, ConversationId.c2c(alice.user()))).orElseThrow();
        assertEquals("Alice", peer.title());
        assertEquals(List.of("https://a/alice.png"), peer.avatarIcons());
        assertTrue(tx(() -> ports.conversations().find(alice, ConversationId.c2c(bob.user()))).isEmpty(),
                "alice was never given her side of the chat");
        assertEquals(Set.of(ConversationId.group(sales)), tx(() -> ports.conversations().existing(alice,
                List.of(ConversationId.group(sales), ConversationId.c2c(bob.user()), ConversationId.parse("GROUPnone")))));
    }

    @Test
    void pagesTheListInOrderWithoutRepeatsOrGaps() {
        List<ConversationId> expected = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            // Pairs of equal activity times, so the id must break ties.
            groupChat("chat" + (100 + i), "Chat " + i, 1000 + i / 2, alice);
        }
        for (int i = 22; i >= 0; i--) {
            expected.add(ConversationId.parse("GROUPchat" + (100 + i)));
        }
        List<ConversationId> seen = new ArrayList<>();
        Optional<ListPosition> after = Optional.empty();
        while (true) {
            ConversationQuery query = new ConversationQuery(Optional.empty(), Optional.empty(), 5, after);
            List<Conversation> page = tx(() -> ports.conversations().page(alice, query, 5));
            page.forEach(c -> seen.add(c.id()));
            if (page.size() < 5) {
                break;
            }
            Conversation last = page.get(page.size() - 1);
            after = Optional.of(new ListPosition(last.pinned(), last.activityAt(), last.id(), Long.MAX_VALUE));
        }
        assertEquals(expected, seen);
    }

    @Test
    void aCursorLeavesOutConversationsAnEventListedAfterItsFirstPage() {
        ChatId a = groupChat("a", "A", 1, alice);
        ChatId b = groupChat("b", "B", 2, alice);
        long asOf = tx(() -> ports.events().lastSeq(alice));
        Conversation changed = tx(() -> ports.conversations().find(alice, ConversationId.group(a))).orElseThrow();
        tx(() -> {
            long seq = ports.events().appendAll(
                    Map.of(alice, List.of(new ConversationEvent.ConversationListUpdated(List.of(changed)))), 3).get(alice);
            ports.conversations().markListed(alice.corp(), a, Map.of(alice.user(), seq));
            return null;
        });
        ListPosition top = new ListPosition(true, Long.MAX_VALUE, ConversationId.parse("GROUPzzz"), asOf);
        ConversationQuery next = new ConversationQuery(Optional.empty(), Optional.empty(), 10, Optional.of(top));
        assertEquals(List.of(ConversationId.group(b)),
                tx(() -> ports.conversations().page(alice, next, 10)).stream().map(Conversation::id).toList());
        ListPosition later = new ListPosition(true, Long.MAX_VALUE, ConversationId.parse("GROUPzzz"), asOf + 1);
        assertEquals(2, tx(() -> ports.conversations().page(alice,
                new ConversationQuery(Optional.empty(), Optional.empty(), 10, Optional.of(later)), 10)).size());
    }

    @Test
    void filtersTheListByTypeAndByGroup() {
        ChatId a = groupChat("a1", "A", 10, alice);
        groupChat("b1", "B", 11, alice);
        ChatId direct = new ChatId("c2c.x");
        tx(() -> {
            ports.chats().create(new Chat(corp, direct, ChatType.C2C, "", List.of(), Optional.empty(), 2),
                    List.of(alice.user(), bob.user()), 12);
            ports.conversations().open(alice, ConversationId.c2c(bob.user()), direct, 12);
            ports.groups().create(alice, new GroupName("Suppliers"), 13);
            ports.groups().add(alice, new GroupName("Suppliers"), List.of(ConversationId.group(a)), 13);
            return null;
        });
        List<Conversation> c2c = tx(() -> ports.conversations().page(alice,
                new ConversationQuery(Optional.empty(), Optional.of(ChatType.C2C), 10, Optional.empty()), 10));
        assertEquals(List.of(ConversationId.c2c(bob.user())), c2c.stream().map(Conversation::id).toList());
        List<Conversation> grouped = tx(() -> ports.conversations().page(alice,
                new ConversationQuery(Optional.of(new GroupName("Suppliers")), Optional.empty(), 10, Optional.empty()), 10));
        assertEquals(List.of(ConversationId.group(a)), grouped.stream().map(Conversation::id).toList());
        assertEquals(List.of(new GroupName("Suppliers")), grouped.get(0).groups());
    }

    @Test
    void aMessageMovesEveryMembersConversationAndCountsUnreadForTheOthers() {
        ChatId quiet = groupChat("quiet", "Quiet", 1, alice, bob);
        ChatId busy = groupChat("busy", "Busy", 2, alice, bob);
        tx(() -> ports.conversations().change(bob, ConversationId.group(quiet), new ConversationChange.Hide(), 3));
        Message sent = tx(() -> {
            Message m = ports.messages().append(corp, quiet, alice.user(),
                    new MessageContent(MessageType.LINK, "看这个", List.of(), "https://x/y", "Y"), 10);
            ports.conversations().recordMessage(corp, m);
            return m;
        });
        Conversation alices = tx(() -> ports.conversations().find(alice, ConversationId.group(quiet))).orElseThrow();
        Conversation bobs = tx(() -> ports.conversations().find(bob, ConversationId.group(quiet))).orElseThrow();
        assertEquals(0, alices.unreadCount(), "the sender has read their own message");
        assertEquals(1, bobs.unreadCount());
        assertEquals(Optional.of(sent), bobs.lastMessage());
        assertEquals(10, bobs.activityAt());
        ConversationQuery all = new ConversationQuery(Optional.empty(), Optional.empty(), 10, Optional.empty());
        assertEquals(List.of(ConversationId.group(quiet), ConversationId.group(busy)),
                tx(() -> ports.conversations().page(bob, all, 10)).stream().map(Conversation::id).toList(),
                "it moved to the top, and new activity brought it back from hidden");
        assertTrue(tx(() -> ports.conversations().find(alice, ConversationId.group(busy))).orElseThrow()
                .lastMessage().isEmpty());
    }

    @Test
    void findsChatsByTheTitleTheUserSeesIncludingHiddenOnesWhenAsked() {
        ChatId sales = groupChat("sales", "Sales 销售部", 1, alice, bob);
        groupChat("ops", "Ops 100%_done", 2, alice);
        ChatId direct = new ChatId("c2c.ab");
        tx(() -> {
            ports.chats().create(new Chat(corp, direct, ChatType.C2C, "", List.of(), Optional.empty(), 2),
                    List.of(alice.user(), bob.user()), 3);
            ports.conversations().open(alice, ConversationId.c2c(bob.user()), direct, 3);
            ports.conversations().change(alice, ConversationId.group(sales), new ConversationChange.Hide(), 4);
            return null;
        });
        java.util.function.Function<String, List<String>> search = text -> tx(() -> ports.conversations().page(alice,
                new ConversationQuery(Optional.empty(), Optional.empty(), 10, Optional.empty(), Optional.of(text), true), 10))
                .stream().map(c -> c.id().toString()).toList();
        assertEquals(List.of("GROUPsales"), search.apply("销售"));
        assertEquals(List.of("GROUPsales"), search.apply("sALes"), "case does not matter");
        assertEquals(List.of("C2Cbob"), search.apply("bob"), "a one-to-one chat is found by the peer's nick");
        assertEquals(List.of("GROUPops"), search.apply("%_"), "wildcards are plain text");
        assertEquals(List.of(), search.apply("%x"));
        assertEquals(Optional.of(ConversationId.c2c(bob.user())),
                tx(() -> ports.conversations().findByChat(alice, direct)).map(Conversation::id));
        assertTrue(tx(() -> ports.conversations().findByChat(bob, direct)).isEmpty(), "bob has no side of it here");
    }

    @Test
    void readsEveryMembersConversationOfAChatWithItsGroupsAtOnce() {
        ChatId chat = groupChat("team", "Team", 1, alice, bob);
        ConversationId id = ConversationId.group(chat);
        GroupName first = new GroupName("First");
        GroupName second = new GroupName("第二");
        tx(() -> {
            ports.groups().create(alice, first, 2);
            ports.groups().create(alice, second, 2);
            ports.groups().create(bob, new GroupName("Other"), 2);
            ports.groups().add(alice, second, List.of(id), 3);
            ports.groups().add(alice, first, List.of(id), 3);
            return null;
        });
        UserId stranger = new UserId("stranger");
        Map<UserId, Conversation> found = tx(() -> ports.conversations().findByChat(corp, chat,
                List.of(bob.user(), alice.user(), stranger)));
        assertEquals(Set.of(alice.user(), bob.user()), found.keySet(), "one who is not in the chat is left out");
        assertEquals(List.of(first, second), found.get(alice.user()).groups(), "in the order the groups were created");
        assertEquals(List.of(), found.get(bob.user()).groups());
        assertEquals(tx(() -> ports.conversations().find(alice, id)).orElseThrow(), found.get(alice.user()),
                "the same conversation as read alone");
    }

    @Test
    void pagesAChatsMessagesNewestFirst() {
        ChatId chat = groupChat("talk", "Talk", 1, alice, bob);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            int n = i;
            ids.add(tx(() -> ports.messages().append(corp, chat, bob.user(),
                    new MessageContent(MessageType.TEXT, "m" + n, List.of(), "", ""), 100 + n)).id());
        }
        List<Message> newest = tx(() -> ports.messages().page(corp, chat, Optional.empty(), 3));
        assertEquals(List.of("m6", "m5", "m4"), newest.stream().map(m -> m.content().text()).toList());
        List<Message> older = tx(() -> ports.messages().page(corp, chat, Optional.of(newest.get(2).id()), 10));
        assertEquals(List.of("m3", "m2", "m1", "m0"), older.stream().map(m -> m.content().text()).toList());
        assertTrue(tx(() -> ports.messages().page(new CorpId("elsewhere"), chat, Optional.empty(), 10)).isEmpty());
        assertEquals(new MessageContent(MessageType.TEXT, "m0", List.of(), "", ""), older.get(3).content());
    }

    @Test
    void changesOnlyTheUsersOwnStateOfAConversation() {
        ChatId old = groupChat("old", "Old", 1, alice, bob);
        ChatId recent = groupChat("recent", "Recent", 2, alice, bob);
        ConversationId oldId = ConversationId.group(old);
        tx(() -> {
            assertTrue(ports.conversations().change(alice, oldId, new ConversationChange.Pin(true), 10));
            assertTrue(ports.conversations().change(alice, oldId, new ConversationChange.Draft("草稿\nline two"), 11));
            assertTrue(ports.conversations().change(alice, oldId, new ConversationChange.CustomData("{\"k\":1}"), 12));
            assertTrue(ports.conversations().change(alice, oldId, new ConversationChange.MarkRead(), 13));
            assertFalse(ports.conversations().change(alice, ConversationId.parse("GROUPnone"),
                    new ConversationChange.Pin(true), 14));
            return null;
        });
        Conversation mine = tx(() -> ports.conversations().find(alice, oldId)).orElseThrow();
        assertTrue(mine.pinned());
        assertEquals("草稿\nline two", mine.draftText());
        assertEquals("{\"k\":1}", mine.customData());
        assertEquals(13, mine.updatedAt());
        assertEquals(1, mine.activityAt(), "changing one's own state is not activity");
        Conversation bobs = tx(() -> ports.conversations().find(bob, oldId)).orElseThrow();
        assertFalse(bobs.pinned());
        assertEquals("", bobs.draftText());
        ConversationQuery all = new ConversationQuery(Optional.empty(), Optional.empty(), 10, Optional.empty());
        assertEquals(List.of(oldId, ConversationId.group(recent)),
                tx(() -> ports.conversations().page(alice, all, 10)).stream().map(Conversation::id).toList(),
                "pinned first, however old");
        tx(() -> ports.conversations().change(alice, oldId, new ConversationChange.Hide(), 20));
        assertEquals(List.of(ConversationId.group(recent)),
                tx(() -> ports.conversations().page(alice, all, 10)).stream().map(Conversation::id).toList());
        assertTrue(tx(() -> ports.conversations().find(alice, oldId)).orElseThrow().hidden(), "hidden, not gone");
        assertFalse(tx(() -> ports.conversations().find(bob, oldId)).orElseThrow().hidden());
        assertEquals(2, tx(() -> ports.conversations().page(bob, all, 10)).size());
    }

    @Test
    void groupsKeepCreationOrderAndNamesCompareExactlyAndASnapshotHoldsOnlyWhatAChangeNames() {
        ChatId x = groupChat("x", "X", 1, alice);
        ChatId y = groupChat("y", "Y", 2, alice);
        GroupName upper = new GroupName("Suppliers");
        GroupName lower = new GroupName("suppliers");
        GroupName spaced = new GroupName("Suppliers ");
        GroupName chinese = new GroupName("需求研发");
        tx(() -> {
            for (GroupName name : List.of(upper, lower, spaced, chinese)) {
                ports.groups().create(alice, name, 5);
            }
            ports.groups().add(alice, chinese, List.of(ConversationId.group(y)), 6);
            ports.groups().add(alice, chinese, List.of(ConversationId.group(x)), 7);
            ports.groups().add(alice, upper, List.of(ConversationId.group(x)), 7);
            return null;
        });
        ConversationId other = ConversationId.c2c(bob.user());
        GroupsSnapshot loaded = tx(() -> ports.groups().loadForUpdate(alice, List.of(ConversationId.group(x), other)));
        assertEquals(List.of(upper, lower, spaced, chinese), loaded.names());
        assertEquals(Set.of(ConversationId.group(x)), loaded.owned(), "not alice's: " + other);
        assertEquals(Map.of(ConversationId.group(x), Set.of(upper, chinese)), loaded.groupsOf(),
                "y is in a group too, but the change does not name it");
        GroupsSnapshot bare = tx(() -> ports.groups().loadForUpdate(alice, List.of()));
        assertEquals(new GroupsSnapshot(loaded.names(), 0, Set.of(), Map.of()), bare,
                "the count is what the use cases stored (none here), not counted again");
        assertTrue(tx(() -> ports.groups().exists(alice, spaced)));
        assertFalse(tx(() -> ports.groups().exists(bob, upper)), "groups are per user");
        assertEquals(List.of(upper, chinese), tx(() -> ports.conversations().find(alice, ConversationId.group(x)))
                .orElseThrow().groups());
    }

    @Test
    void renamesDeletesAndRemovesConversationsFromGroups() {
        ChatId x = groupChat("x", "X", 1, alice);
        ChatId y = groupChat("y", "Y", 2, alice);
        GroupName a = new GroupName("A");
        GroupName b = new GroupName("B");
        tx(() -> {
            ports.groups().create(alice, a, 3);
            ports.groups().create(alice, b, 3);
            ports.groups().add(alice, a, List.of(ConversationId.group(x), ConversationId.group(y)), 4);
            ports.groups().add(alice, b, List.of(ConversationId.group(x)), 4);
            ports.groups().rename(alice, a, new GroupName("A2"));
            ports.groups().remove(alice, new GroupName("A2"), List.of(ConversationId.group(y)));
            return null;
        });
        List<GroupSummary> summaries = tx(() -> ports.groups().summaries(alice));
        assertEquals(List.of(new GroupSummary(new GroupName("A2"), 1, 0), new GroupSummary(b, 1, 0)), summaries);
        tx(() -> {
            ports.groups().loadForUpdate(alice, List.of());
            ports.groups().storeGroupedCount(alice, 1);
            return null;
        });
        List<GroupName> left = tx(() -> {
            ports.groups().loadForUpdate(alice, List.of());
            return ports.groups().removeEverywhere(alice, ConversationId.group(x));
        });
        assertEquals(List.of(new GroupName("A2"), b), left);
        assertEquals(0, tx(() -> ports.groups().loadForUpdate(alice, List.of())).groupedCount(),
                "x left both groups: one grouped conversation fewer");
        tx(() -> {
            ports.groups().loadForUpdate(alice, List.of());
            ports.groups().add(alice, b, List.of(ConversationId.group(y)), 5);
            ports.groups().add(alice, new GroupName("A2"), List.of(ConversationId.group(y)), 5);
            ports.groups().storeGroupedCount(alice, 1);
            ports.groups().delete(alice, b);
            return null;
        });
        assertEquals(List.of(new GroupSummary(new GroupName("A2"), 1, 0)), tx(() -> ports.groups().summaries(alice)));
        assertEquals(1, tx(() -> ports.groups().loadForUpdate(alice, List.of())).groupedCount(),
                "y is still in A2 after B is gone");
        tx(() -> {
            ports.groups().loadForUpdate(alice, List.of());
            ports.groups().delete(alice, new GroupName("A2"));
            return null;
        });
        assertEquals(0, tx(() -> ports.groups().loadForUpdate(alice, List.of())).groupedCount());
    }

    @Test
    void numbersEachUsersEventsWithoutGapsAndReadsThemBack() {
        List<GroupName> names = List.of(new GroupName("需求研发"), new GroupName("Suppliers"));
        tx(() -> {
            ports.events().appendAll(Map.of(alice, List.of(new ConversationEvent.GroupListUpdated(names))), 100);
            ports.events().appendAll(Map.of(alice, List.of(new ConversationEvent.GroupListUpdated(List.of()),
                    ConversationEvent.InGroupUpdated.added(names.get(0), List.of()))), 101);
            ports.events().appendAll(Map.of(bob, List.of(new ConversationEvent.GroupListUpdated(List.of()))), 102);
            return null;
        });
        EventPage all = tx(() -> ports.events().readAfter(alice, 0, 10));
        assertEquals(List.of(1L, 2L, 3L), all.events().stream().map(RecordedEvent::seq).toList());
        assertEquals(3, all.last());
        assertEquals(new ConversationEvent.GroupListUpdated(names), all.events().get(0).event());
        assertEquals(100, all.events().get(0).at());
        EventPage tail = tx(() -> ports.events().readAfter(alice, 1, 1));
        assertEquals(List.of(2L), tail.events().stream().map(RecordedEvent::seq).toList());
        assertEquals(3, tail.last());
        assertEquals(1, tx(() -> ports.events().lastSeq(bob)));
    }

    @Test
    void appendsSeveralUsersEventsAtOnceEachOnItsOwnNumbering() {
        ChatId a = groupChat("a", "A", 1, alice, bob);
        long aliceBefore = tx(() -> ports.events().lastSeq(alice));
        long bobBefore = tx(() -> ports.events().lastSeq(bob));
        Conversation mine = tx(() -> ports.conversations().find(alice, ConversationId.group(a))).orElseThrow();
        Conversation bobs = tx(() -> ports.conversations().find(bob, ConversationId.group(a))).orElseThrow();
        ConversationEvent listed = new ConversationEvent.ConversationListUpdated(List.of(mine));
        Map<UserRef, List<ConversationEvent>> happened = new LinkedHashMap<>();
        happened.put(alice, List.of(listed, new ConversationEvent.GroupListUpdated(List.of()), listed));
        happened.put(bob, List.of(new ConversationEvent.ConversationListUpdated(List.of(bobs))));
        Map<UserRef, Long> first = tx(() -> ports.events().appendAll(happened, 50));
        assertEquals(Map.of(alice, aliceBefore + 1, bob, bobBefore + 1), first);
        assertEquals(List.of(aliceBefore + 1, aliceBefore + 2, aliceBefore + 3), tx(() -> ports.events()
                .readAfter(alice, aliceBefore, 10)).events().stream().map(RecordedEvent::seq).toList());
        assertEquals(aliceBefore + 3, tx(() -> ports.events().lastSeq(alice)));
        assertEquals(bobBefore + 1, tx(() -> ports.events().lastSeq(bob)));
    }

    @Test
    void everyKindOfEventReadsBackAsItWasAppendedWithConversationsAsTheyWereWhenItHappened() {
        ChatId x = groupChat("x", "Title then", 1, alice);
        tx(() -> ports.conversations().change(alice, ConversationId.group(x), new ConversationChange.Hide(), 2));
        Conversation then = tx(() -> ports.conversations().find(alice, ConversationId.group(x))).orElseThrow();
        GroupName before = new GroupName("需求研发");
        GroupName after = new GroupName("Suppliers");
        List<ConversationEvent> happened = List.of(new ConversationEvent.ConversationListUpdated(List.of(then)),
                new ConversationEvent.GroupListUpdated(List.of(before)),
                new ConversationEvent.InGroupUpdated(before, List.of(ConversationId.group(x)),
                        List.of(ConversationId.c2c(bob.user()))),
                new ConversationEvent.GroupRenamed(before, after),
                new ConversationEvent.GroupListUpdated(List.of(after)),
                ConversationEvent.InGroupUpdated.removed(after, List.of(ConversationId.group(x))),
                new ConversationEvent.ConversationDeleted(List.of(ConversationId.group(x), ConversationId.c2c(bob.user()))));
        tx(() -> {
            ports.events().appendAll(Map.of(alice, happened), 5);
            return null;
        });
        List<ConversationEvent> read = tx(() -> ports.events().readAfter(alice, 0, 10)).events().stream()
                .map(RecordedEvent::event).toList();
        assertEquals(happened, read);
    }

    @Test
    void theFeedListsEveryUsersNewEventsInWriteOrderAndLoadsThem() {
        long before = tx(() -> ports.feed().positionBefore(Long.MAX_VALUE));
        long t = 9_000_000_000_000L;
        tx(() -> {
            ports.events().appendAll(Map.of(alice, List.of(new ConversationEvent.GroupListUpdated(List.of()))), t);
            ports.events().appendAll(Map.of(bob, List.of(new ConversationEvent.GroupListUpdated(List.of(new GroupName("B"))))), t + 1);
            return null;
        });
        tx(() -> {
            ports.events().appendAll(Map.of(alice, List.of(new ConversationEvent.GroupListUpdated(List.of(new GroupName("A"))))), t + 2);
            return null;
        });
        List<EventFeed.Entry> entries = tx(() -> ports.feed().after(before, List.of(), 100));
        assertEquals(List.of(alice, bob, alice), entries.stream().map(EventFeed.Entry::user).toList());
        assertEquals(List.of(1L, 1L, 2L), entries.stream().map(EventFeed.Entry::seq).toList());
        List<Long> positions = entries.stream().map(EventFeed.Entry::position).toList();
        assertTrue(positions.get(0) > before && positions.get(0) < positions.get(1) && positions.get(1) < positions.get(2));
        assertEquals(positions.subList(0, 2), tx(() -> ports.feed().after(before, List.of(), 2))
                .stream().map(EventFeed.Entry::position).toList(), "at most the limit, oldest first");
        assertEquals(List.of(positions.get(0)), tx(() -> ports.feed().after(positions.get(2),
                List.of(positions.get(0), positions.get(2) + 1000), 10)).stream().map(EventFeed.Entry::position).toList(),
                "a position asked for again is answered once it is there");
        assertEquals(List.of(), tx(() -> ports.feed().after(positions.get(2), List.of(), 10)));

        List<EventFeed.UserEvent> loaded = tx(() -> ports.feed().load(List.of(positions.get(2), positions.get(1))));
        assertEquals(List.of(bob, alice), loaded.stream().map(EventFeed.UserEvent::user).toList());
        assertEquals(new RecordedEvent(2, new ConversationEvent.GroupListUpdated(List.of(new GroupName("A"))), t + 2),
                loaded.get(1).event());
        assertEquals(positions.get(1), tx(() -> ports.feed().positionBefore(t + 2)));
    }

    @Test
    void prunesEventsRecordedBeforeACutoffInBatchesAndKeepsTheNumbering() {
        long t = 8_000_000_000_000L;
        tx(() -> {
            for (int i = 0; i < 3; i++) {
                ports.events().appendAll(Map.of(alice, List.of(new ConversationEvent.GroupListUpdated(List.of()))), t + i);
            }
            return null;
        });
        while (tx(() -> ports.events().prune(t, 1000)) > 0) {
            // events other tests left behind, recorded earlier
        }
        assertEquals(1, tx(() -> ports.events().prune(t + 2, 1)), "one at a time when asked");
        assertEquals(1, tx(() -> ports.events().prune(t + 2, 100)));
        assertEquals(0, tx(() -> ports.events().prune(t + 2, 100)));
        EventPage left = tx(() -> ports.events().readAfter(alice, 0, 10));
        assertEquals(List.of(3L), left.events().stream().map(RecordedEvent::seq).toList());
        assertEquals(3, left.last(), "pruning never renumbers");
    }

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

    @Test
    void eventsAppendedAfterTheUsersRowWasLockedContinueItsNumberingAndARolledBackOneLeavesNoTrace() {
        ConversationEvent event = new ConversationEvent.GroupListUpdated(List.of());
        long t = 9_900_000_000_000L; // later than every other test here: the feed's test finds its start by time
        tx(() -> {
            ports.groups().loadForUpdate(alice, List.of());
            ports.events().appendAll(Map.of(alice, List.of(event)), t);
            ports.directory().lockAll(corp, List.of(bob.user(), alice.user()));
            ports.events().appendAll(Map.of(alice, List.of(event, event), bob, List.of(event)), t + 1);
            return null;
        });
        assertEquals(3, tx(() -> ports.events().lastSeq(alice)));
        assertEquals(1, tx(() -> ports.events().lastSeq(bob)));
        if (rollsBack()) {
            assertThrows(IllegalStateException.class, () -> tx(() -> {
                ports.groups().loadForUpdate(alice, List.of());
                ports.events().appendAll(Map.of(alice, List.of(event)), t + 2);
                throw new IllegalStateException("boom");
            }));
        }
        tx(() -> {
            ports.groups().loadForUpdate(alice, List.of());
            ports.events().appendAll(Map.of(alice, List.of(event)), t + 3);
            return null;
        });
        assertEquals(List.of(1L, 2L, 3L, 4L), tx(() -> ports.events().readAfter(alice, 0, 10)).events().stream()
                .map(RecordedEvent::seq).toList());
    }

    @Test
    void aPickIsFoundOnlyInItsCorpRemembersItsUseAndIsPrunedByAge() {
        ChatId chat = groupChat("pick", "Pick", 10, alice, bob);
        String cid = "cid" + UUID.randomUUID().toString().replace("-", "").substring(0, 22);
        tx(() -> {
            ports.picks().record(cid, alice, chat, 1_000);
            return null;
        });
        PickedChats.Pick pick = tx(() -> ports.picks().findForUpdate(corp, cid)).orElseThrow();
        assertEquals(new PickedChats.Pick(cid, alice, chat, 1_000, false), pick);
        assertTrue(tx(() -> ports.picks().findForUpdate(new CorpId("other"), cid)).isEmpty());
        assertTrue(tx(() -> ports.picks().findForUpdate(corp, cid + "x")).isEmpty());
        tx(() -> {
            ports.picks().markUsed(corp, cid, 2_000);
            return null;
        });
        assertTrue(tx(() -> ports.picks().findForUpdate(corp, cid)).orElseThrow().used());
        assertEquals(0, tx(() -> ports.picks().pruneBefore(1_000)));
        assertTrue(tx(() -> ports.picks().pruneBefore(1_001)) >= 1);
        assertTrue(tx(() -> ports.picks().findForUpdate(corp, cid)).isEmpty());
    }

    @Test
    void anIdempotencyKeyIsClaimedOnceAndGivesBackItsAnswerPerScope() {
        String scope = corp + "/alice";
        assertTrue(tx(() -> ports.idempotency().claim(scope, "k1", "f1", 1_000)).isEmpty());
        if (rollsBack()) {
            // A claim whose transaction fails leaves the key free.
            assertThrows(IllegalStateException.class, () -> tx(() -> {
                ports.idempotency().claim(scope, "k2", "f2", 1_000);
                throw new IllegalStateException("boom");
            }));
            assertTrue(tx(() -> ports.idempotency().claim(scope, "k2", "f2", 1_000)).isEmpty());
        }
        tx(() -> {
            ports.idempotency().complete(scope, "k1", 201, "{\"ok\":1}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return null;
        });
        IdempotencyKeys.Stored stored = tx(() -> ports.idempotency().claim(scope, "k1", "other", 2_000)).orElseThrow();
        assertEquals("f1", stored.fingerprint());
        assertEquals(201, stored.status());
        assertEquals("{\"ok\":1}", new String(stored.body(), java.nio.charset.StandardCharsets.UTF_8));
        assertTrue(tx(() -> ports.idempotency().claim(corp + "/bob", "k1", "f1", 2_000)).isEmpty(), "per scope");
        assertTrue(tx(() -> ports.idempotency().forgetBefore(1_001)) >= 1);
        assertTrue(tx(() -> ports.idempotency().claim(scope, "k1", "f9", 3_000)).isEmpty(), "pruned: free again");
    }
}
