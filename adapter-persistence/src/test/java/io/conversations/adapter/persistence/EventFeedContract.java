package io.conversations.adapter.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.conversations.application.contract.StoreFixture;
import io.conversations.domain.event.ConversationEvent;
import io.conversations.domain.event.RecordedEvent;
import io.conversations.domain.identity.GroupName;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the feed must do on each real store (the tail reads it; it is the persistence adapter's own). */
abstract class EventFeedContract extends StoreFixture {
    /** The feed of the store under test. */
    abstract EventFeed feed();

    @Test
    void theFeedListsEveryUsersNewEventsInWriteOrderAndLoadsThem() {
        // The newest position so far (other contracts wrote events into this store with times of their own).
        List<EventFeed.Entry> earlier = tx(() -> feed().after(0, List.of(), 1_000_000));
        long before = earlier.isEmpty() ? 0 : earlier.get(earlier.size() - 1).position();
        long t = 9_000_000_000_000L + System.currentTimeMillis() * 3; // later than any other test's event
        tx(() -> {
            ports.events().appendAll(Map.of(alice, List.of(new ConversationEvent.GroupListUpdated(List.of()))), t);
            ports.events().appendAll(Map.of(bob, List.of(new ConversationEvent.GroupListUpdated(List.of(new GroupName("B"))))), t + 1);
            return null;
        });
        tx(() -> {
            ports.events().appendAll(Map.of(alice, List.of(new ConversationEvent.GroupListUpdated(List.of(new GroupName("A"))))), t + 2);
            return null;
        });
        List<EventFeed.Entry> entries = tx(() -> feed().after(before, List.of(), 100));
        assertEquals(List.of(alice, bob, alice), entries.stream().map(EventFeed.Entry::user).toList());
        assertEquals(List.of(1L, 1L, 2L), entries.stream().map(EventFeed.Entry::seq).toList());
        List<Long> positions = entries.stream().map(EventFeed.Entry::position).toList();
        assertTrue(positions.get(0) > before && positions.get(0) < positions.get(1) && positions.get(1) < positions.get(2));
        assertEquals(positions.subList(0, 2), tx(() -> feed().after(before, List.of(), 2))
                .stream().map(EventFeed.Entry::position).toList(), "at most the limit, oldest first");
        assertEquals(List.of(positions.get(0)), tx(() -> feed().after(positions.get(2),
                List.of(EventFeed.Missing.at(positions.get(0)), EventFeed.Missing.at(positions.get(2) + 1000)), 10))
                .stream().map(EventFeed.Entry::position).toList(), "a position asked for again is answered once it is there");
        assertEquals(positions.subList(0, 2), tx(() -> feed().after(positions.get(2),
                List.of(new EventFeed.Missing(positions.get(0), positions.get(1), 1)), 10))
                .stream().map(EventFeed.Entry::position).toList(), "a run of positions, every one of it");
        long stride = positions.get(2) - positions.get(1) + 1; // the run holds the second position, not the third
        assertEquals(List.of(positions.get(1)), tx(() -> feed().after(positions.get(2),
                List.of(new EventFeed.Missing(positions.get(1), positions.get(1) + 2 * stride, stride)), 10))
                .stream().map(EventFeed.Entry::position).toList(), "a run by a step: only its own class");
        assertTrue(tx(() -> feed().positionStep()) >= 1);
        assertEquals(List.of(), tx(() -> feed().after(positions.get(2), List.of(), 10)));

        List<EventFeed.UserEvent> loaded = tx(() -> feed().load(List.of(positions.get(2), positions.get(1))));
        assertEquals(List.of(bob, alice), loaded.stream().map(EventFeed.UserEvent::user).toList());
        assertEquals(new RecordedEvent(2, new ConversationEvent.GroupListUpdated(List.of(new GroupName("A"))), t + 2),
                loaded.get(1).event());
        assertEquals(positions.get(1), tx(() -> feed().positionBefore(t + 2)));
    }
}
