package io.conversations.application.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.conversations.application.fakes.InMemoryStore;
import io.conversations.application.model.EventPage;
import io.conversations.application.port.in.EventStream;
import io.conversations.application.port.out.EventFeed;
import io.conversations.domain.common.Outcome;
import io.conversations.domain.common.Problem;
import io.conversations.domain.event.ConversationEvent.GroupListUpdated;
import io.conversations.domain.event.RecordedEvent;
import io.conversations.domain.identity.CorpId;
import io.conversations.domain.identity.GroupName;
import io.conversations.domain.identity.UserId;
import io.conversations.domain.identity.UserRef;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The node's streams and their tail, on the in-memory store, with the tail's rounds run by hand. */
class LiveEventsTest {
    private final AtomicLong now = new AtomicLong(1_000_000);
    private final InMemoryStore store = new InMemoryStore();
    /** Positions the feed does not show yet: an event whose transaction has not committed. */
    private final Set<Long> uncommitted = new HashSet<>();
    private final EventFeed feed = new EventFeed() {
        @Override
        public long positionBefore(long recordedBefore) {
            return store.positionBefore(recordedBefore);
        }

        @Override
        public List<Entry> after(long after, Collection<Missing> missing, int limit) {
            return store.after(after, missing, limit).stream().filter(e -> !uncommitted.contains(e.position())).toList();
        }

        @Override
        public long positionStep() {
            return 1;
        }

        @Override
        public List<UserEvent> load(Collection<Long> positions) {
            return store.load(positions);
        }
    };
    private final CorpId acme = new CorpId("acme");
    private final UserRef alice = new UserRef(acme, new UserId("alice"));
    private final UserRef bob = new UserRef(acme, new UserId("bob"));
    private StreamRegistry streams = streams(2, 10);
    private FeedTail tail = new FeedTail(store, feed, now::get, 50, List.of(streams));

    private StreamRegistry streams(int perUser, int perNode) {
        return new StreamRegistry(store, store, new StreamRegistry.Limits(perUser, perNode));
    }

    @BeforeEach
    void twoUsers() {
        store.putCorp(acme, "Acme", 1);
        store.putUser(alice, "Alice", "", 1);
        store.putUser(bob, "Bob", "", 1);
    }

    /** Records one event for the user, named after its number, and answers that number. */
    private long record(UserRef user) {
        return store.inTransaction(() -> {
            long next = store.lastSeq(user) + 1;
            store.appendAll(Map.of(user, List.of(new GroupListUpdated(List.of(new GroupName("g" + next))))), now.get());
            return next;
        });
    }

    private EventStream open(UserRef user, long after) {
        Outcome<EventStream> opened = streams.follow(user, after);
        return ((Outcome.Done<EventStream>) assertInstanceOf(Outcome.Done.class, opened)).value();
    }

    /**
     * Takes what the stream has, as a writer does: {@code next(0)} never waits, and a catch-up read still queued
     * signals when it is done; an empty page once nothing more comes within 200 ms.
     */
    private static EventPage poll(EventStream stream) throws InterruptedException {
        while (true) {
            CountDownLatch signalled = new CountDownLatch(1);
            stream.onSignal(signalled::countDown);
            EventPage page = stream.next(0);
            if (!page.events().isEmpty() || page.resync() || !signalled.await(200, TimeUnit.MILLISECONDS)) {
                return page;
            }
        }
    }

    private static List<Long> seqs(EventPage page) {
        return page.events().stream().map(RecordedEvent::seq).toList();
    }

    @Test
    void replaysWhatCameAfterTheGivenIdThenDeliversWhatTheTailFinds() throws Exception {
        LongStream.range(0, 3).forEach(i -> record(alice));
        EventStream stream = open(alice, 1);
        assertEquals(List.of(2L, 3L), seqs(poll(stream)));
        assertTrue(poll(stream).events().isEmpty(), "nothing new: an empty page, for a heartbeat");

        record(bob);
        record(alice);
        record(alice);
        tail.tailOnce();
        EventPage live = poll(stream);
        assertEquals(List.of(4L, 5L), seqs(live));
        assertEquals(new GroupListUpdated(List.of(new GroupName("g5"))), live.events().get(1).event());
        assertEquals(5, live.last());
    }

    @Test
    void aClientThatFallsFarBehindStillGetsEveryEventInOrderFromTheLog() throws Exception {
        EventStream slow = open(alice, 0);
        assertTrue(poll(slow).events().isEmpty());
        int total = LiveStream.BUFFER * 3 + 7;
        for (int i = 0; i < total; i++) {
            record(alice);
            if (i % 50 == 0) {
                tail.tailOnce();
            }
        }
        tail.tailOnce();
        List<Long> got = new ArrayList<>();
        EventPage page;
        while (!(page = poll(slow)).events().isEmpty()) {
            got.addAll(seqs(page));
        }
        assertEquals(LongStream.rangeClosed(1, total).boxed().toList(), got);
    }

    @Test
    void anEventThatCommitsLateStillReachesItsStreamInOrder() throws Exception {
        EventStream stream = open(alice, 0);
        poll(stream);
        record(alice);
        long latePosition = store.positionBefore(Long.MAX_VALUE);
        uncommitted.add(latePosition);
        record(bob);
        tail.tailOnce();
        assertTrue(poll(stream).events().isEmpty(), "alice's event is not visible yet");

        uncommitted.clear();
        tail.tailOnce();
        assertEquals(List.of(1L), seqs(poll(stream)), "the tail asked for the gap again");
    }

    @Test
    void aStreamThatSeesANumberSkippedReadsTheMissingOnesFromTheLog() throws Exception {
        EventStream stream = open(alice, 0);
        poll(stream);
        record(alice);
        uncommitted.add(store.positionBefore(Long.MAX_VALUE));
        record(alice);
        tail.tailOnce();
        assertEquals(List.of(1L, 2L), seqs(poll(stream)), "event 2 arrived without 1: the log has both");
    }

    @Test
    void tellsAClientToResyncWhenItsPlaceIsPrunedOrUnknown() throws Exception {
        LongStream.range(0, 4).forEach(i -> record(alice));
        store.prune(now.get() + 1, 2);
        EventPage resync = poll(open(alice, 1));
        assertTrue(resync.resync());
        assertEquals(4, resync.last());
        assertEquals(List.of(3L, 4L), seqs(poll(open(alice, 2))), "1 and 2 were pruned; what came after 2 is kept");

        EventPage unknown = poll(open(bob, 99));
        assertTrue(unknown.resync(), "an id the log never gave");
        assertEquals(0, unknown.last());
    }

    @Test
    void capsTheStreamsOfAUserAndOfTheNode() {
        EventStream first = open(alice, 0);
        open(alice, 0);
        assertEquals(Problem.TOO_MANY_STREAMS, ((Outcome.Rejected<EventStream>) streams.follow(alice, 0)).rejection()
                .problem());
        first.close();
        assertFalse(first.isOpen());
        open(alice, 0);

        streams = streams(5, 1);
        open(bob, 0);
        assertEquals(Problem.NODE_FULL, ((Outcome.Rejected<EventStream>) streams.follow(alice, 0)).rejection().problem());
        assertEquals(1, streams.openStreams());
    }

    @Test
    void aRunningTailWakesAWaitingStreamAndClosingEndsIt() throws Exception {
        tail.start();
        try {
            EventStream stream = open(alice, 0);
            poll(stream);
            Thread writer = new Thread(() -> {
                record(alice);
                tail.committed(Map.of(alice, 1L));
            });
            writer.start();
            assertEquals(List.of(1L), seqs(stream.next(10_000)));
            writer.join();
        } finally {
            streams.close();
            tail.close();
        }
        assertEquals(0, streams.openStreams(), "closing the node closes its streams");
    }
}
