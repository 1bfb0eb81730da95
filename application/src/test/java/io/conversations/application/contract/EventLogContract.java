package io.conversations.application.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.conversations.application.model.EventPage;
import io.conversations.domain.chat.ChatId;
import io.conversations.domain.conversation.Conversation;
import io.conversations.domain.conversation.ConversationChange;
import io.conversations.domain.conversation.ConversationId;
import io.conversations.domain.event.ConversationEvent;
import io.conversations.domain.event.RecordedEvent;
import io.conversations.domain.identity.GroupName;
import io.conversations.domain.identity.UserRef;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What every implementation of the {@code EventLog} out-port must do, whichever store is behind it. */
public abstract class EventLogContract extends StoreFixture {
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
        tx(() -> ports.conversations().change(alice, ConversationId.group(x), new ConversationChange.Hide(false), 2));
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
}
