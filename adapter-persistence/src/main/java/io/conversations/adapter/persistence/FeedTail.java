package io.conversations.adapter.persistence;

import io.conversations.adapter.persistence.EventFeed.UserEvent;
import io.conversations.application.port.out.EventsCommitted;
import io.conversations.application.port.out.Transactions;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The node's one reader of the event feed (every user's new events, written by any node): one query per round for
 * what is new, and one more for the bodies of the events the node follows (users with a stream open here), all
 * told to the application's {@link EventsCommitted}. A round runs every poll interval, and at once when this node
 * commits events ({@link #wake}). Feed positions are taken when an event is written and show when its transaction
 * commits, so the tail remembers the positions it skipped (gaps) and asks for them again for a while; on a Galera
 * cluster only those a node could still commit ({@link FeedGaps}).
 */
public final class FeedTail implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(FeedTail.class.getName());

    /** Feed entries read in one query; a full batch is followed at once by the next. */
    static final int FEED_BATCH = 2000;
    /** Bodies loaded in one query. */
    static final int LOAD_BATCH = 500;
    /** Feed positions not yet visible are asked for again this long: longer than any transaction that writes events. */
    static final long GAP_GRACE_MILLIS = 60_000;
    /** At start the tail reads back this far, past events whose transactions were still committing. */
    static final long START_LOOKBACK_MILLIS = 10_000;
    /** Runs of unseen positions tracked at most; beyond it the oldest are given up (and a stream then reads its log
     * on its next event). A run is one rolled-back or still committing transaction, however many events it wrote. */
    static final int MAX_GAP_RUNS = 10_000;
    /** Runs of unseen positions asked for in one query. */
    static final int GAPS_PER_QUERY = 500;
    /** Between sweeps a round asks only for positions it first missed this recently: one still committing is young. */
    static final long RECENT_GAP_MILLIS = 1_000;
    /** How often every tracked position is asked for again (most are a rolled-back transaction's and never come). */
    static final long GAP_SWEEP_MILLIS = 1_000;
    /** The longest pause between two passes of the big chats' recorder. */
    static final long RECORDER_MAX_PAUSE_MILLIS = 200;
    /** Rounds start at least this far apart, so that a node committing thousands of times a second is not also
     * running thousands of tail queries: a woken tail waits out the rest of it (the delay it adds at most). */
    static final long MIN_ROUND_MILLIS = 5;

    private final Transactions transactions;
    private final EventFeed feed;
    private final LongSupplier clock;
    private final long pollMillis;
    private final EventsCommitted listener;
    /** When the tail last caught up with the feed (System.nanoTime()). */
    private volatile long lastRoundNanos = System.nanoTime();
    private final ReentrantLock tailLock = new ReentrantLock();
    private final Condition woken = tailLock.newCondition();
    private boolean wake;
    private volatile boolean closed;
    private Thread thread;
    /** Records what big chats owe the members followed here ({@link EventsCommitted#recordUntold}) beside the tail. */
    private Thread recorder;
    private final Semaphore untold = new Semaphore(0);

    // The tail's own state: only the tail thread touches it.
    private final FeedCursor<EventFeed.Entry> events;
    private final FeedCursor<EventFeed.ChatEntry> chats;
    private long step = 1;
    private long lastSweep;
    /** The gaps' size as of the last round, for metrics (read on other threads). */
    private volatile long gapRuns;
    private volatile long gapPositions;
    private long lastRound;

    /** {@code pollMillis}: how often the tail looks for other nodes' events; {@code clock}: epoch milliseconds. */
    FeedTail(Transactions transactions, EventFeed feed, LongSupplier clock, long pollMillis, EventsCommitted listener) {
        if (pollMillis < 1) {
            throw new IllegalArgumentException("the poll interval must be positive");
        }
        this.transactions = transactions;
        this.feed = feed;
        this.clock = clock;
        this.pollMillis = pollMillis;
        this.listener = listener;
        this.events = new FeedCursor<>(feed::after, EventFeed.Entry::position);
        this.chats = new FeedCursor<>(feed::chatsAfter, EventFeed.ChatEntry::position);
    }

    /** Starts the tail a little before now, so that events still committing as the node starts are not skipped. */
    FeedTail start() {
        long since = clock.getAsLong() - START_LOOKBACK_MILLIS;
        events.start(transactions.inTransaction(() -> feed.positionBefore(since)));
        chats.start(transactions.inTransaction(() -> feed.chatPositionBefore(since)));
        step = transactions.inTransaction(feed::positionStep);
        events.gaps().step(step);
        chats.gaps().step(step);
        thread = new Thread(this::runTail, "event-tail");
        thread.setDaemon(true);
        thread.start();
        recorder = new Thread(this::runRecorder, "event-tail-chats");
        recorder.setDaemon(true);
        recorder.start();
        return this;
    }

    /** This node committed events: the tail looks now instead of at its next interval. */
    void wake() {
        tailLock.lock();
        try {
            wake = true;
            woken.signal();
        } finally {
            tailLock.unlock();
        }
    }

    /**
     * Milliseconds since the tail last caught up with the feed: about the poll interval when all is well; it
     * grows while the store is down or the tail falls behind.
     */
    public long tailLagMillis() {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - lastRoundNanos);
    }

    @Override
    public void close() {
        closed = true;
        for (Thread t : new Thread[] {thread, recorder}) {
            if (t != null) {
                t.interrupt();
                try {
                    t.join(5_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    /**
     * After each round: whatever rounds ended while it was busy, one more pass (they coalesce). Each pass is followed
     * by a pause as long as it took (at most {@value #RECORDER_MAX_PAUSE_MILLIS} ms): the recording takes at most half
     * of the time, and under load more messages share each member's event instead of more events taking the store
     * from the sends.
     */
    private void runRecorder() {
        while (!closed) {
            try {
                untold.acquire();
                untold.drainPermits();
                long started = System.nanoTime();
                listener.recordUntold();
                long took = System.nanoTime() - started;
                TimeUnit.NANOSECONDS.sleep(Math.min(took, TimeUnit.MILLISECONDS.toNanos(RECORDER_MAX_PAUSE_MILLIS)));
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "event tail, big chats: " + e);
            }
        }
    }

    /** The last round failed (read by the tail's thread only). */
    private boolean failing;

    private void runTail() {
        while (!closed) {
            try {
                awaitWakeOrInterval();
                while (!closed && tailOnce() == FEED_BATCH) {
                    // a full batch: more is waiting
                }
                lastRoundNanos = System.nanoTime();
                if (failing) {
                    failing = false;
                    LOG.log(System.Logger.Level.INFO, "event tail: reading the feed again");
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // The store may be down for a while; the streams keep their place and catch up from the log later.
                // Said once until a round passes again: the store itself says when it is down and back.
                if (!failing || !(e instanceof io.conversations.application.model.StoreUnavailable)) {
                    LOG.log(System.Logger.Level.WARNING, "event tail: " + e);
                }
                failing = true;
                try {
                    Thread.sleep(Math.max(pollMillis, 1000));
                } catch (InterruptedException stop) {
                    return;
                }
            }
        }
    }

    private void awaitWakeOrInterval() throws InterruptedException {
        tailLock.lock();
        try {
            long nanos = TimeUnit.MILLISECONDS.toNanos(pollMillis);
            while (!wake && nanos > 0 && !closed) {
                nanos = woken.awaitNanos(nanos);
            }
            wake = false;
        } finally {
            tailLock.unlock();
        }
        long since = System.nanoTime() - lastRound;
        long rest = TimeUnit.MILLISECONDS.toNanos(MIN_ROUND_MILLIS) - since;
        if (rest > 0) {
            TimeUnit.NANOSECONDS.sleep(rest);
        }
        lastRound = System.nanoTime();
    }

    /**
     * One round: what is new in the feed of users' events and in that of big chats' changes, then the bodies of the
     * events whose users have a stream here; then the application is told the round is done (it records the events
     * of the big chats that changed for the members who follow them here; the next round delivers those). Answers
     * how many entries the larger of the two reads past its watermark (a full batch: more is waiting).
     */
    int tailOnce() {
        long started = System.nanoTime();
        long now = clock.getAsLong();
        boolean sweep = now - lastSweep >= GAP_SWEEP_MILLIS;
        if (sweep) {
            lastSweep = now;
            long newStep = transactions.inTransaction(feed::positionStep); // a Galera cluster's size may have changed
            if (newStep != step) {
                LOG.log(System.Logger.Level.INFO, "event tail: feed positions now step by " + newStep + " (were "
                        + step + ")");
                step = newStep;
            }
            for (FeedCursor<?> cursor : List.of(events, chats)) {
                cursor.gaps().step(step);
                cursor.gaps().forgetOlderThan(now, GAP_GRACE_MILLIS);
            }
        }
        FeedCursor.Read<EventFeed.Entry> newEvents = events.read(transactions, now, sweep);
        FeedCursor.Read<EventFeed.ChatEntry> newChanges = chats.read(transactions, now, sweep);
        List<Long> wanted = new ArrayList<>();
        for (EventFeed.Entry entry : newEvents.entries()) {
            if (listener.follows(entry.user())) {
                wanted.add(entry.position());
            }
            listener.committed(entry.user(), entry.seq());
        }
        for (EventFeed.ChatEntry change : newChanges.entries()) {
            listener.chatChanged(change.corp(), change.chat());
        }
        gapRuns = events.gaps().runs() + chats.gaps().runs();
        gapPositions = events.gaps().positions() + chats.gaps().positions();
        for (int from = 0; from < wanted.size(); from += LOAD_BATCH) {
            List<Long> chunk = wanted.subList(from, Math.min(wanted.size(), from + LOAD_BATCH));
            for (UserEvent loaded : transactions.inTransaction(() -> feed.load(chunk))) {
                if (listener.follows(loaded.user())) {
                    listener.delivered(loaded.user(), loaded.event());
                }
            }
        }
        listener.caughtUp(started);
        untold.release();
        return Math.max(newEvents.pastWatermark(), newChanges.pastWatermark());
    }

    /** Runs of positions the tail is waiting for (rolled back, or still committing), as of its last round. */
    public long gapRuns() {
        return gapRuns;
    }

    /** Positions in those runs. */
    public long gapPositions() {
        return gapPositions;
    }
}
