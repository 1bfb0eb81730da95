package io.conversations.application.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.conversations.application.fakes.InMemoryStore;
import io.conversations.application.model.EventPage;
import io.conversations.application.port.in.EventStream;
import io.conversations.application.port.out.CatchUpReads;
import io.conversations.domain.common.Outcome;
import io.conversations.domain.common.Problem;
import io.conversations.domain.event.ConversationEvent.GroupListUpdated;
import io.conversations.domain.event.RecordedEvent;
import io.conversations.domain.identity.CorpId;
import io.conversations.domain.identity.GroupName;
import io.conversations.domain.identity.UserId;
import io.conversations.domain.identity.UserRef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The node's streams on the in-memory store: what the store tells of committed events ({@link EventDelivery}, as
 * the persistence adapter's tail would) reaches each user's streams in order, and what delivery misses is read
 * from the log.
 */
class LiveEventsTest {
    private final AtomicLong now = new AtomicLong(1_000_000);
    private final InMemoryStore store = new InMemoryStore();
    /** The catch-up reads, run at once on the caller's thread. */
    private final CatchUpReads reads = (user, after, limit) ->
            CompletableFuture.completedFuture(store.inTransaction(() -> store.readAfter(user, after, limit)));
    private final CorpId acme = new CorpId("acme");
    private final UserRef alice = new UserRef(acme, new UserId("alice"));
    private final UserRef bob = new UserRef(acme, new UserId("bob"));
    private StreamRegistry streams = streams(2, 10);
    private EventDelivery delivery = new EventDelivery(streams, store, store, store,
            new ChatChangeEvents(store, store, store, new EventRecorder(store, store), now::get));
    /** Each open stream's signals: a permit whenever it said it has something to take. */
    private final Map<EventStream, Semaphore> ready = new HashMap<>();

    private StreamRegistry streams(int perUser, int perNode) {
        return new StreamRegistry(reads, new StreamRegistry.Limits(perUser, perNode));
    }

    @BeforeEach
    void twoUsers() {
        store.putCorp(acme, "Acme", 1);
        store.putUser(alice, "Alice", "", 1);
        store.putUser(bob, "Bob", "", 1);
    }

    /** Records one event for the user, named after its number, and answers it. */
    private RecordedEvent record(UserRef user) {
        return store.inTransaction(() -> {
            long next = store.lastSeq(user) + 1;
            store.appendAll(Map.of(user, List.of(new GroupListUpdated(List.of(new GroupName("g" + next))))), now.get());
            return store.readAfter(user, next - 1, 1).events().get(0);
        });
    }

    /** Tells the node of a committed event, as the store does: its number, and its body where a stream follows it. */
    private void commit(UserRef user, RecordedEvent event) {
        if (delivery.follows(user)) {
            delivery.delivered(user, event);
        }
        delivery.committed(user, event.seq());
    }

    private void recordAndCommit(UserRef user) {
        commit(user, record(user));
    }

    private EventStream open(UserRef user, long after) {
        Semaphore signals = new Semaphore(0);
        Outcome<EventStream> opened = streams.follow(user, after, signals::release);
        EventStream stream = ((Outcome.Done<EventStream>) assertInstanceOf(Outcome.Done.class, opened)).value();
        ready.put(stream, signals);
        return stream;
    }

    /**
     * Takes what the stream has, as a writer does: {@code next(0)} never waits; when it has nothing, wait for the
     * stream's signal; an empty page once nothing more comes within 200 ms.
     */
    private EventPage poll(EventStream stream) throws InterruptedException {
        Semaphore signals = ready.get(stream);
        while (true) {
            signals.drainPermits();
            EventPage page = stream.next(0);
            if (!page.events().isEmpty() || page.resync() || !signals.tryAcquire(200, TimeUnit.MILLISECONDS)) {
                return page;
            }
        }
    }

    private static List<Long> seqs(EventPage page) {
        return page.events().stream().map(RecordedEvent::seq).toList();
    }

    @Test
    void replaysWhatCameAfterTheGivenIdThenHandsOutWhatIsDelivered() throws Exception {
        LongStream.range(0, 3).forEach(i -> record(alice));
        EventStream stream = open(alice, 1);
        assertEquals(List.of(2L, 3L), seqs(poll(stream)));
        assertTrue(poll(stream).events().isEmpty(), "nothing new: an empty page, for a heartbeat");

        recordAndCommit(bob);
        recordAndCommit(alice);
        recordAndCommit(alice);
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
            recordAndCommit(alice);
        }
        List<Long> got = new ArrayList<>();
        EventPage page;
        while (!(page = poll(slow)).events().isEmpty()) {
            got.addAll(seqs(page));
        }
        assertEquals(LongStream.rangeClosed(1, total).boxed().toList(), got);
    }

    @Test
    void aStreamThatSeesANumberSkippedReadsTheMissingOnesFromTheLog() throws Exception {
        EventStream stream = open(alice, 0);
        poll(stream);
        record(alice); // committed, but its delivery is late
        recordAndCommit(alice);
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
        assertEquals(Problem.TOO_MANY_STREAMS, ((Outcome.Rejected<EventStream>) streams.follow(alice, 0, () -> { }))
                .rejection().problem());
        first.close();
        assertFalse(first.isOpen());
        open(alice, 0);

        streams = streams(5, 1);
        open(bob, 0);
        assertEquals(Problem.NODE_FULL, ((Outcome.Rejected<EventStream>) streams.follow(alice, 0, () -> { }))
                .rejection().problem());
        assertEquals(1, streams.openStreams());
    }

    @Test
    void aDeliveryWakesAStreamWaitingInNextAndClosingTheNodeEndsIt() throws Exception {
        EventStream stream = open(alice, 0);
        poll(stream);
        Thread writer = new Thread(() -> recordAndCommit(alice));
        try {
            writer.start();
            assertEquals(List.of(1L), seqs(stream.next(10_000)));
            writer.join();
        } finally {
            streams.close();
        }
        assertFalse(stream.isOpen());
        assertEquals(0, streams.openStreams(), "closing the node closes its streams");
    }

    @Test
    void watchersLearnEverySequenceAndWhenTheNodeCaughtUp() {
        List<String> told = new ArrayList<>();
        delivery.watch(new io.conversations.application.port.in.EventSequences.Watcher() {
            @Override
            public void advanced(UserRef user, long seq) {
                told.add(user.user().value() + "@" + seq);
            }

            @Override
            public void caughtUp(long nanos) {
                told.add("caught up " + nanos);
            }

            @Override
            public void chatChanged(CorpId corp, io.conversations.domain.chat.ChatId chat) {
                told.add("chat " + chat);
            }
        });
        recordAndCommit(alice);
        recordAndCommit(bob);
        delivery.caughtUp(42);
        assertEquals(List.of("alice@1", "bob@1", "caught up 42"), told);
        assertEquals(1, delivery.newest(alice), "the newest sequence is the store's");
    }
}
