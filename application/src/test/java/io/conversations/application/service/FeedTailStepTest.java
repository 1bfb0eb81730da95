package io.conversations.application.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.conversations.application.port.out.EventFeed;
import io.conversations.application.port.out.Transactions;
import io.conversations.domain.event.ConversationEvent.GroupListUpdated;
import io.conversations.domain.event.RecordedEvent;
import io.conversations.domain.identity.CorpId;
import io.conversations.domain.identity.UserId;
import io.conversations.domain.identity.UserRef;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The tail on a feed whose positions step by 3, as through one node of a three-node Galera cluster: the positions
 * of the other nodes' classes are not waited for, and a late commit is still delivered.
 */
class FeedTailStepTest {
    private final UserRef alice = new UserRef(new CorpId("acme"), new UserId("alice"));
    private final AtomicLong now = new AtomicLong(1_000_000);
    /** What the feed shows: position → the user's sequence number. */
    private final TreeMap<Long, Long> visible = new TreeMap<>();
    private final List<Long> delivered = new ArrayList<>();
    private final List<Long> advanced = new ArrayList<>();

    private final EventFeed feed = new EventFeed() {
        @Override
        public long positionBefore(long recordedBefore) {
            return 0;
        }

        @Override
        public List<Entry> after(long after, Collection<Missing> missing, int limit) {
            return visible.entrySet().stream()
                    .filter(e -> e.getKey() > after || missing.stream().anyMatch(m -> m.holds(e.getKey())))
                    .limit(limit).map(e -> new Entry(e.getKey(), alice, e.getValue())).toList();
        }

        @Override
        public List<UserEvent> load(Collection<Long> positions) {
            return positions.stream().sorted().filter(visible::containsKey).map(p -> new UserEvent(alice,
                    new RecordedEvent(visible.get(p), new GroupListUpdated(List.of()), 0))).toList();
        }

        @Override
        public long positionStep() {
            return 3;
        }
    };
    private final Transactions transactions = new Transactions() {
        @Override
        public <T> T inTransaction(Supplier<T> work) {
            return work.get();
        }
    };
    private final FeedTail tail = new FeedTail(transactions, feed, now::get, 50, List.of(new FeedTail.Reader() {
        @Override
        public boolean follows(UserRef user) {
            return true;
        }

        @Override
        public void deliver(UserRef user, RecordedEvent event) {
            delivered.add(event.seq());
        }

        @Override
        public void advanced(UserRef user, long seq) {
            advanced.add(seq);
        }
    }));

    private void roundAfter(long millis) {
        now.addAndGet(millis);
        while (tail.tailOnce() == FeedTail.FEED_BATCH) {
            // a full batch: more is waiting
        }
    }

    @Test
    void theOtherNodesPositionsAreNotWaitedForAndALateCommitStillArrives() {
        // The first round is a sweep: it reads the step (FeedTail.start() is not needed).
        long seq = 0;
        for (long position = 1; position <= 3 * 9_000; position += 3) {
            visible.put(position, ++seq);
        }
        roundAfter(FeedTail.GAP_SWEEP_MILLIS);
        assertEquals(9_000, delivered.size());
        assertEquals(0, tail.gapRuns(), "6,000 positions of the two other classes are not gaps");

        long late = 3 * 9_000 + 1;
        visible.put(late + 3, seq + 2); // the next transaction committed before the one at `late`
        roundAfter(10);
        assertEquals(1, tail.gapRuns());
        assertEquals(1, tail.gapPositions());

        for (int i = 0; i < 50; i++) {
            roundAfter(1_000); // 50 s: the late position is still asked for
        }
        visible.put(late, seq + 1);
        roundAfter(1_000);
        assertEquals(List.of(seq + 2, seq + 1), delivered.subList(delivered.size() - 2, delivered.size()));
        assertEquals(0, tail.gapRuns());
    }
}
