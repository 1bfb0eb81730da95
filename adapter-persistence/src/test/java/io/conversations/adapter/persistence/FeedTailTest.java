package io.conversations.adapter.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.conversations.application.port.out.EventsCommitted;
import io.conversations.domain.chat.ChatId;
import io.conversations.application.port.out.Transactions;
import io.conversations.domain.event.ConversationEvent.GroupListUpdated;
import io.conversations.domain.event.RecordedEvent;
import io.conversations.domain.identity.CorpId;
import io.conversations.domain.identity.UserId;
import io.conversations.domain.identity.UserRef;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The tail on a feed of its own making (positions that show late, that step by a Galera cluster's size): what it
 * tells the application of, and that a position committed late is still delivered.
 */
class FeedTailTest {
    private final UserRef alice = new UserRef(new CorpId("acme"), new UserId("alice"));
    private final UserRef bob = new UserRef(new CorpId("acme"), new UserId("bob"));
    private final AtomicLong now = new AtomicLong(1_000_000);
    /** What the feed shows: position → whose event, with its sequence number. */
    private final TreeMap<Long, EventFeed.Entry> visible = new TreeMap<>();
    /** The big chats' feed: position → which chat changed. */
    private final TreeMap<Long, EventFeed.ChatEntry> chatFeed = new TreeMap<>();
    private long step = 3;
    /** Alice's events whose bodies the tail delivered, and every user's numbers it told as committed. */
    private final List<Long> delivered = new ArrayList<>();
    private final List<String> committed = new ArrayList<>();
    private final List<Long> caughtUp = new ArrayList<>();

    private final EventFeed feed = new EventFeed() {
        @Override
        public long positionBefore(long recordedBefore) {
            return 0;
        }

        @Override
        public List<Entry> after(long after, Collection<Missing> missing, int limit) {
            return visible.entrySet().stream()
                    .filter(e -> e.getKey() > after || missing.stream().anyMatch(m -> m.holds(e.getKey())))
                    .limit(limit).map(Map.Entry::getValue).toList();
        }

        @Override
        public List<UserEvent> load(Collection<Long> positions) {
            return positions.stream().sorted().filter(visible::containsKey).map(visible::get).map(e -> new UserEvent(
                    e.user(), new RecordedEvent(e.seq(), new GroupListUpdated(List.of()), 0))).toList();
        }

        @Override
        public long positionStep() {
            return step;
        }

        @Override
        public long chatPositionBefore(long recordedBefore) {
            return 0;
        }

        @Override
        public List<ChatEntry> chatsAfter(long after, Collection<Missing> missing, int limit) {
            return chatFeed.entrySet().stream()
                    .filter(e -> e.getKey() > after || missing.stream().anyMatch(m -> m.holds(e.getKey())))
                    .limit(limit).map(Map.Entry::getValue).toList();
        }
    };
    private final Transactions transactions = new Transactions() {
        @Override
        public <T> T inTransaction(Supplier<T> work) {
            return work.get();
        }
    };
    /** The application's side, as far as the tail can tell: it follows alice (a stream of hers is open here). */
    private final FeedTail tail = new FeedTail(transactions, feed, now::get, 50, new EventsCommitted() {
        @Override
        public void committed(UserRef user, long seq) {
            committed.add(user.user().value() + "@" + seq);
        }

        @Override
        public boolean follows(UserRef user) {
            return user.equals(alice);
        }

        @Override
        public void delivered(UserRef user, RecordedEvent event) {
            assertEquals(alice, user, "only the bodies of users followed here are loaded");
            delivered.add(event.seq());
        }

        @Override
        public void caughtUp(long nanos) {
            caughtUp.add(nanos);
        }

        @Override
        public void recordUntold() {
            // the recorder's thread runs only after start(); these tests run rounds by hand
        }

        @Override
        public void chatChanged(CorpId corp, ChatId chat) {
            committed.add("chat " + chat);
        }
    });

    private void show(long position, UserRef user, long seq) {
        visible.put(position, new EventFeed.Entry(position, user, seq));
    }

    private void roundAfter(long millis) {
        now.addAndGet(millis);
        while (tail.tailOnce() == FeedTail.FEED_BATCH) {
            // a full batch: more is waiting
        }
    }

    @Test
    void tellsEveryUsersCommittedNumbersAndDeliversTheBodiesOfThoseFollowedHere() {
        step = 1;
        show(1, alice, 1);
        show(2, bob, 1);
        show(3, alice, 2);
        roundAfter(FeedTail.GAP_SWEEP_MILLIS);
        assertEquals(List.of("alice@1", "bob@1", "alice@2"), committed);
        assertEquals(List.of(1L, 2L), delivered);
        assertEquals(1, caughtUp.size(), "one round, told once it read the feed");
    }

    @Test
    void tellsEveryBigChatChangeOnceAndAskedForAgainWhenItCommitsLate() {
        step = 1;
        CorpId acme = new CorpId("acme");
        chatFeed.put(1L, new EventFeed.ChatEntry(1, acme, new ChatId("all")));
        chatFeed.put(3L, new EventFeed.ChatEntry(3, acme, new ChatId("ops"))); // 2 still committing
        roundAfter(FeedTail.GAP_SWEEP_MILLIS);
        assertEquals(List.of("chat all", "chat ops"), committed);
        chatFeed.put(2L, new EventFeed.ChatEntry(2, acme, new ChatId("dev")));
        roundAfter(10);
        assertEquals(List.of("chat all", "chat ops", "chat dev"), committed);
        assertEquals(0, tail.gapRuns());
    }

    @Test
    void anEventThatCommitsLateIsAskedForAgainAndDelivered() {
        step = 1;
        show(1, alice, 1);
        show(3, bob, 1); // position 2 (alice's second event) is still committing
        roundAfter(FeedTail.GAP_SWEEP_MILLIS);
        assertEquals(List.of(1L), delivered);
        assertEquals(1, tail.gapPositions());

        show(2, alice, 2);
        roundAfter(10);
        assertEquals(List.of(1L, 2L), delivered, "the tail asked for the gap again");
        assertEquals(0, tail.gapRuns());
    }

    @Test
    void theOtherNodesPositionsAreNotWaitedForAndALateCommitStillArrives() {
        // On a feed stepping by 3 (one node of three). The first round is a sweep: it reads the step.
        long seq = 0;
        for (long position = 1; position <= 3 * 9_000; position += 3) {
            show(position, alice, ++seq);
        }
        roundAfter(FeedTail.GAP_SWEEP_MILLIS);
        assertEquals(9_000, delivered.size());
        assertEquals(0, tail.gapRuns(), "6,000 positions of the two other classes are not gaps");

        long late = 3 * 9_000 + 1;
        show(late + 3, alice, seq + 2); // the next transaction committed before the one at `late`
        roundAfter(10);
        assertEquals(1, tail.gapRuns());
        assertEquals(1, tail.gapPositions());

        for (int i = 0; i < 50; i++) {
            roundAfter(1_000); // 50 s: the late position is still asked for
        }
        show(late, alice, seq + 1);
        roundAfter(1_000);
        assertEquals(List.of(seq + 2, seq + 1), delivered.subList(delivered.size() - 2, delivered.size()));
        assertEquals(0, tail.gapRuns());
    }
}
