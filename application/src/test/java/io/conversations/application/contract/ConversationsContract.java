package io.conversations.application.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.conversations.application.model.ConversationQuery;
import io.conversations.application.model.ListPosition;
import io.conversations.application.port.out.Conversations;
import io.conversations.domain.chat.Chat;
import io.conversations.domain.chat.ChatId;
import io.conversations.domain.chat.ChatType;
import io.conversations.domain.chat.Message;
import io.conversations.domain.chat.MessageContent;
import io.conversations.domain.chat.MessageType;
import io.conversations.domain.conversation.Conversation;
import io.conversations.domain.conversation.ConversationChange;
import io.conversations.domain.conversation.ConversationId;
import io.conversations.domain.conversation.Marks;
import io.conversations.domain.conversation.RemindType;
import io.conversations.domain.event.ConversationEvent;
import io.conversations.domain.identity.GroupName;
import io.conversations.domain.identity.UserId;
import io.conversations.domain.identity.UserRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What every implementation of the {@code Conversations} out-port must do, whichever store is behind it. */
public abstract class ConversationsContract extends StoreFixture {
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
    void everyKindOfChangeApplies() {
        ChatId sales = groupChat("sales", "Sales", 10, alice);
        ConversationId id = ConversationId.group(sales);
        for (ConversationChange change : Samples.changes().values()) {
            assertTrue(tx(() -> ports.conversations().change(alice, id, change, 20)), change.toString());
        }
        Conversation changed = tx(() -> ports.conversations().find(alice, id)).orElseThrow();
        assertTrue(changed.pinned() && changed.hidden());
        assertEquals("hello", changed.draftText());
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
        tx(() -> ports.conversations().change(bob, ConversationId.group(quiet), new ConversationChange.Hide(false), 3));
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

    /** A message into a big chat as the send writes it: the chat's state, and the sender's own row. */
    private Message sendToBig(ChatId chat, UserRef sender, String text, long at) {
        return tx(() -> {
            Message m = ports.messages().append(corp, chat, sender.user(),
                    new MessageContent(MessageType.TEXT, text, List.of(), "", ""), at);
            long version = ports.chats().messageArrived(corp, m);
            ports.conversations().recordOwnMessage(sender, m, version);
            return m;
        });
    }

    private Conversation of(UserRef user, ChatId chat) {
        return tx(() -> ports.conversations().find(user, ConversationId.group(chat))).orElseThrow();
    }

    /** A message into a small chat as the send writes it. */
    private Message sendToSmall(ChatId chat, UserRef sender, String text, long at) {
        return tx(() -> {
            Message m = ports.messages().append(corp, chat, sender.user(),
                    new MessageContent(MessageType.TEXT, text, List.of(), "", ""), at);
            ports.conversations().recordMessage(corp, m);
            return m;
        });
    }

    private ChatId bigChat(String id, long at, UserRef... members) {
        ChatId chat = groupChat(id, id, at, members);
        tx(() -> {
            ports.chats().growBig(corp, chat);
            ports.conversations().deriveFromChat(corp, chat);
            return null;
        });
        return chat;
    }

    private void change(UserRef user, ChatId chat, ConversationChange change, long at) {
        assertTrue(tx(() -> ports.conversations().change(user, ConversationId.group(chat), change, at)));
    }

    private List<ConversationId> list(UserRef user, Optional<Long> mark, boolean unreadOnly) {
        ConversationQuery query = new ConversationQuery(Optional.empty(), Optional.empty(), 10, Optional.empty(),
                Optional.empty(), false, mark, unreadOnly);
        return tx(() -> ports.conversations().page(user, query, 10)).stream().map(Conversation::id).toList();
    }

    @Test
    void marksAreStoredAscendingAndFilterTheList() {
        ChatId a = groupChat("ma", "A", 1, alice);
        ChatId b = groupChat("mb", "B", 2, alice);
        ChatId big = bigChat("mbig", 3, alice, bob);
        ConversationId idA = ConversationId.group(a);
        ConversationId idBig = ConversationId.group(big);
        tx(() -> {
            ports.conversations().storeMarks(alice, Map.of(idA, new Marks(List.of(Marks.MAX_VALUE, 1L)),
                    idBig, new Marks(List.of(1L))), 5);
            return null;
        });
        assertEquals(List.of(1L, Marks.MAX_VALUE), of(alice, a).marks().values());
        assertEquals(Map.of(idA, new Marks(List.of(1L, Marks.MAX_VALUE)), idBig, new Marks(List.of(1L))),
                tx(() -> ports.conversations().marksOf(alice, List.of(idA, idBig, ConversationId.parse("GROUPnone")))));
        assertEquals(List.of(idBig, idA), list(alice, Optional.of(1L), false), "small and big, in the list's order");
        assertEquals(List.of(idA), list(alice, Optional.of(Marks.MAX_VALUE), false));
        assertEquals(List.of(), list(alice, Optional.of(11L), false), "11 is not 1 or its prefix");
        assertEquals(Marks.NONE, of(alice, b).marks());
        assertEquals(Marks.NONE, of(bob, big).marks(), "marks are the user's own");
    }

    @Test
    void doNotDisturbCountsItsOwnUnreadButNotInTheTotal() {
        ChatId small = groupChat("dnd", "DND", 1, alice, bob);
        ChatId big = bigChat("dndbig", 2, alice, bob);
        ChatId loud = groupChat("loud", "Loud", 3, alice, bob);
        change(bob, small, new ConversationChange.Remind(RemindType.ACCEPT_NOT_NOTIFY), 4);
        change(bob, big, new ConversationChange.Remind(RemindType.ACCEPT_NOT_NOTIFY), 4);
        sendToSmall(small, alice, "s", 10);
        sendToBig(big, alice, "b", 11);
        sendToSmall(loud, alice, "l1", 12);
        sendToSmall(loud, alice, "l2", 13);
        assertEquals(1, of(bob, small).unreadCount());
        assertEquals(1, of(bob, big).unreadCount());
        assertEquals(RemindType.ACCEPT_NOT_NOTIFY, of(bob, small).remindType());
        assertEquals(2, tx(() -> ports.conversations().unreadTotal(bob)), "only the loud chat's two");
        assertEquals(List.of(ConversationId.group(loud), ConversationId.group(big), ConversationId.group(small)),
                list(bob, Optional.empty(), true), "with unread messages, muted or not");
        change(bob, loud, new ConversationChange.Hide(false), 14);
        assertEquals(0, tx(() -> ports.conversations().unreadTotal(bob)), "a hidden conversation is off the list");
    }

    @Test
    void aDiscardingConversationCountsNothingAndDoesNotMoveUp() {
        for (boolean bigChat : List.of(false, true)) {
            String prefix = bigChat ? "big" : "small";
            ChatId quiet = bigChat ? bigChat(prefix + "q", 1, alice, bob) : groupChat(prefix + "q", "Q", 1, alice, bob);
            groupChat(prefix + "o", "O", 2, alice, bob);
            change(bob, quiet, new ConversationChange.Remind(RemindType.DISCARD), 3);
            Message sent = bigChat ? sendToBig(quiet, alice, "x", 10) : sendToSmall(quiet, alice, "x", 10);
            Conversation bobs = of(bob, quiet);
            assertEquals(0, bobs.unreadCount(), prefix);
            assertEquals(1, bobs.activityAt(), prefix + ": it kept its place");
            assertEquals(Optional.of(sent), bobs.lastMessage(), prefix + ": its history still has the message");
            assertEquals(0, tx(() -> ports.conversations().unreadTotal(bob)), prefix);
            change(bob, quiet, new ConversationChange.Hide(false), 11);
            if (bigChat) {
                sendToBig(quiet, alice, "y", 12);
            } else {
                sendToSmall(quiet, alice, "y", 12);
            }
            assertTrue(of(bob, quiet).hidden(), prefix + ": a message does not bring it back");
            change(bob, quiet, new ConversationChange.Remind(RemindType.ACCEPT_AND_NOTIFY), 13);
            assertEquals(0, of(bob, quiet).unreadCount(), prefix + ": nothing received while discarding counts");
            assertTrue(of(bob, quiet).hidden(), prefix + ": hidden until the next message");
            if (bigChat) {
                sendToBig(quiet, alice, "z", bigChat ? 24 : 14);
            } else {
                sendToSmall(quiet, alice, "z", bigChat ? 24 : 14);
            }
            assertEquals(1, of(bob, quiet).unreadCount(), prefix);
            assertFalse(of(bob, quiet).hidden(), prefix);
            assertEquals(ConversationId.group(quiet), list(bob, Optional.empty(), false).get(0),
                    prefix + ": a message it takes moves it up");
            tx(() -> ports.conversations().readAll(bob, 15));
        }
    }

    @Test
    void aClearedHistoryShowsNoLastMessageAndReadsOnlyWhatCameAfter() {
        for (boolean bigChat : List.of(false, true)) {
            String prefix = bigChat ? "big" : "small";
            ChatId chat = bigChat ? bigChat(prefix + "h", 1, alice, bob) : groupChat(prefix + "h", "H", 1, alice, bob);
            Message old = bigChat ? sendToBig(chat, alice, "old", 10) : sendToSmall(chat, alice, "old", 10);
            change(bob, chat, new ConversationChange.ClearHistory(), 11);
            assertEquals(Optional.empty(), of(bob, chat).lastMessage(), prefix);
            assertEquals(0, of(bob, chat).unreadCount(), prefix);
            assertEquals(Optional.of(old), of(alice, chat).lastMessage(), prefix + ": alice keeps hers");
            assertEquals(old.id(), tx(() -> ports.conversations().historyClearedThrough(bob, chat)), prefix);
            assertEquals(0, tx(() -> ports.conversations().historyClearedThrough(alice, chat)), prefix);
            Message next = bigChat ? sendToBig(chat, alice, "new", 12) : sendToSmall(chat, alice, "new", 12);
            assertEquals(Optional.of(next), of(bob, chat).lastMessage(), prefix);
            change(bob, chat, new ConversationChange.Hide(true), 13);
            assertTrue(of(bob, chat).hidden() && of(bob, chat).lastMessage().isEmpty(), prefix);
            assertEquals(next.id(), tx(() -> ports.conversations().historyClearedThrough(bob, chat)), prefix);
        }
    }

    @Test
    void readAllReadsEveryConversationWithUnreadAndNamesThem() {
        ChatId small = groupChat("ra", "RA", 1, alice, bob);
        ChatId big = bigChat("rabig", 2, alice, bob);
        ChatId none = groupChat("ranone", "None", 3, alice, bob);
        sendToSmall(small, alice, "a", 10);
        sendToBig(big, alice, "b", 11);
        sendToSmall(none, bob, "to alice", 11);
        change(bob, none, new ConversationChange.MarkRead(), 11);
        assertEquals(2, tx(() -> ports.conversations().unreadTotal(bob)));
        List<ConversationId> read = tx(() -> ports.conversations().readAll(bob, 12));
        assertEquals(Set.of(ConversationId.group(small), ConversationId.group(big)), Set.copyOf(read));
        assertEquals(0, tx(() -> ports.conversations().unreadTotal(bob)));
        assertEquals(0, of(bob, big).unreadCount());
        assertEquals(1, of(alice, none).unreadCount(), "alice's own state is untouched");
        assertEquals(List.of(), tx(() -> ports.conversations().readAll(bob, 13)));
    }

    @Test
    void aBigChatsConversationsAreDerivedFromTheChatAndEachMembersOwnState() {
        ChatId small = groupChat("small", "Small", 5, alice, bob);
        ChatId all = groupChat("all", "All hands", 1, alice, bob);
        tx(() -> {
            ports.chats().growBig(corp, all);
            ports.conversations().deriveFromChat(corp, all);
            return null;
        });
        Message first = sendToBig(all, alice, "hello", 10);
        assertEquals(1, of(bob, all).unreadCount());
        assertEquals(0, of(alice, all).unreadCount(), "the sender's own message is not unread to her");
        assertEquals(Optional.of(first), of(bob, all).lastMessage());
        assertEquals(10, of(bob, all).activityAt());
        ConversationQuery list = new ConversationQuery(Optional.empty(), Optional.empty(), 10, Optional.empty());
        assertEquals(List.of(ConversationId.group(all), ConversationId.group(small)),
                tx(() -> ports.conversations().page(bob, list, 10)).stream().map(Conversation::id).toList(),
                "the big chat's activity puts it first");

        tx(() -> ports.conversations().change(bob, ConversationId.group(all), new ConversationChange.Hide(false), 11));
        assertTrue(of(bob, all).hidden());
        assertEquals(List.of(ConversationId.group(small)),
                tx(() -> ports.conversations().page(bob, list, 10)).stream().map(Conversation::id).toList());
        sendToBig(all, alice, "again", 12);
        assertFalse(of(bob, all).hidden(), "a new message brings it back");
        assertEquals(2, of(bob, all).unreadCount());
        tx(() -> ports.conversations().change(bob, ConversationId.group(all), new ConversationChange.MarkRead(), 13));
        assertEquals(0, of(bob, all).unreadCount());
        sendToBig(all, bob, "mine", 14);
        assertEquals(0, of(bob, all).unreadCount(), "his own message");
        assertEquals(1, of(alice, all).unreadCount());
        assertEquals(java.util.Set.of(all), tx(() -> ports.conversations().bigChatsOf(bob)));

        // What the members' logs have not told yet: alice's own send told her; bob's too, up to his message.
        Map<UserId, List<Conversations.Untold>> untold = tx(() -> ports.conversations().untold(corp,
                List.of(alice.user(), bob.user())));
        assertEquals(java.util.Set.of(alice.user()), untold.keySet(),
                "bob's own message told him all; alice has not been told of his");
        assertEquals(of(alice, all), untold.get(alice.user()).get(0).conversation());
        long version = untold.get(alice.user()).get(0).version();
        tx(() -> {
            ports.conversations().markTold(corp, Map.of(alice.user(), Map.of(all, version)));
            return null;
        });
        assertTrue(tx(() -> ports.conversations().untold(corp, List.of(alice.user(), bob.user()))).isEmpty());
        tx(() -> {
            ports.conversations().markTold(corp, Map.of(alice.user(), Map.of(all, version - 1)));
            return null;
        });
        assertTrue(tx(() -> ports.conversations().untold(corp, List.of(alice.user()))).isEmpty(), "never lowered");
    }

    @Test
    void aMemberWhoJoinsABigChatHasNothingBeforeUnreadButSeesItsNewestMessage() {
        ChatId all = groupChat("all2", "All", 1, alice);
        tx(() -> {
            ports.chats().growBig(corp, all);
            ports.conversations().deriveFromChat(corp, all);
            return null;
        });
        Message before = sendToBig(all, alice, "before", 10);
        tx(() -> {
            ports.chats().addMember(corp, all, bob.user(), 11);
            ports.conversations().open(bob, ConversationId.group(all), all, 11);
            return null;
        });
        assertEquals(0, of(bob, all).unreadCount());
        assertEquals(Optional.of(before), of(bob, all).lastMessage());
        assertEquals(11, of(bob, all).activityAt(), "joining is its activity");
        assertTrue(tx(() -> ports.conversations().untold(corp, List.of(bob.user()))).isEmpty(),
                "the joiner's own event tells of it");
        sendToBig(all, alice, "after", 12);
        assertEquals(1, of(bob, all).unreadCount());
    }

    @Test
    void aChatThatGrowsBigReadsTheSameToEveryMember() {
        ChatId chat = groupChat("grows", "Grows", 1, alice, bob);
        tx(() -> {
            for (int i = 0; i < 3; i++) {
                Message m = ports.messages().append(corp, chat, alice.user(),
                        new MessageContent(MessageType.TEXT, "m" + i, List.of(), "", ""), 10 + i);
                ports.conversations().recordMessage(corp, m);
            }
            ports.conversations().change(bob, ConversationId.group(chat), new ConversationChange.Hide(false), 20);
            ports.conversations().change(alice, ConversationId.group(chat), new ConversationChange.Pin(true), 21);
            ports.groups().create(bob, new GroupName("G"), 22);
            ports.groups().add(bob, new GroupName("G"), List.of(ConversationId.group(chat)), 22);
            return null;
        });
        Conversation alices = of(alice, chat);
        Conversation bobs = of(bob, chat);
        long badge = tx(() -> ports.groups().summaries(bob)).get(0).unreadCount();
        tx(() -> {
            ports.chats().growBig(corp, chat);
            ports.conversations().deriveFromChat(corp, chat);
            return null;
        });
        assertEquals(alices, of(alice, chat));
        assertEquals(bobs, of(bob, chat));
        assertEquals(3, of(bob, chat).unreadCount());
        assertEquals(badge, tx(() -> ports.groups().summaries(bob)).get(0).unreadCount());
        assertTrue(tx(() -> ports.conversations().untold(corp, List.of(alice.user(), bob.user()))).isEmpty());
        sendToBig(chat, alice, "now big", 30);
        assertFalse(of(bob, chat).hidden());
        assertEquals(4, of(bob, chat).unreadCount());
        assertEquals(4, tx(() -> ports.groups().summaries(bob)).get(0).unreadCount(), "the group's badge");
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
            ports.conversations().change(alice, ConversationId.group(sales), new ConversationChange.Hide(false), 4);
            return null;
        });
        java.util.function.Function<String, List<String>> search = text -> tx(() -> ports.conversations().page(alice,
                new ConversationQuery(Optional.empty(), Optional.empty(), 10, Optional.empty(), Optional.of(text), true,
                        Optional.empty(), false), 10))
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
        tx(() -> ports.conversations().change(alice, oldId, new ConversationChange.Hide(false), 20));
        assertEquals(List.of(ConversationId.group(recent)),
                tx(() -> ports.conversations().page(alice, all, 10)).stream().map(Conversation::id).toList());
        assertTrue(tx(() -> ports.conversations().find(alice, oldId)).orElseThrow().hidden(), "hidden, not gone");
        assertFalse(tx(() -> ports.conversations().find(bob, oldId)).orElseThrow().hidden());
        assertEquals(2, tx(() -> ports.conversations().page(bob, all, 10)).size());
    }
}
