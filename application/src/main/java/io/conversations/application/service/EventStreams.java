package io.conversations.application.service;

import io.conversations.application.model.EventPage;
import io.conversations.application.port.in.EventStream;
import io.conversations.application.port.in.FollowEvents;
import io.conversations.application.port.in.ReadEvents;
import io.conversations.application.port.out.Clock;
import io.conversations.application.port.out.EventFeed;
import io.conversations.application.port.out.EventFeed.Entry;
import io.conversations.application.port.out.EventFeed.UserEvent;
import io.conversations.application.port.out.EventLog;
import io.conversations.application.port.out.Transactions;
import io.conversations.domain.common.Outcome;
import io.conversations.domain.common.Problem;
import io.conversations.domain.event.RecordedEvent;
import io.conversations.domain.identity.UserRef;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * This node's open event streams and the one tail that feeds them all. The tail reads the event
 * feed (every user's new events, written by any node) with one query per round, and loads the
 * bodies of the events whose users have a stream here with one more; it runs a round every poll
 * interval, and at once when this node commits events. Each stream keeps a small buffer; a stream
 * whose client falls behind drops it and reads on from the user's log at its own pace.
 */
public final class EventStreams implements FollowEvents, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(EventStreams.class.getName());

    /** Events a stream holds for its client before it drops them and reads from the log instead. */
    static final int BUFFER = 256;
    /** How long a refused stream waits for a slot a gone client gives back after a probe (a busy machine: 1 s). */
    private static final long PROBE_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(1_000);
    /** The pause between a probe's heartbeats. */
    private static final long PROBE_GAP_MILLIS = 20;
    /** Feed entries read in one query; a full batch is followed at once by the next. */
    static final int FEED_BATCH = 2000;
    /** Bodies loaded in one query. */
    static final int LOAD_BATCH = 500;
    /** Feed positions not yet visible are asked for again this long: longer than any transaction that writes events. */
    static final long GAP_GRACE_MILLIS = 60_000;
    /** At start the tail reads back this far, past events whose transactions were still committing. */
    static final long START_LOOKBACK_MILLIS = 10_000;
    /** Unseen positions tracked at most; beyond it the oldest are given up (and a stream then reads its log on its next event). */
    static final int MAX_GAPS = 10_000;
    /** Unseen positions asked for in one query. */
    static final int GAPS_PER_QUERY = 500;
    /** Between sweeps a round asks only for positions it first missed this recently: one still committing is young. */
    static final long RECENT_GAP_MILLIS = 1_000;
    /** How often every tracked position is asked for again (most are a rolled-back transaction's and never come). */
    static final long GAP_SWEEP_MILLIS = 1_000;
    /** Rounds start at least this far apart, so that a node committing thousands of times a second is not also
     * running thousands of tail queries: a woken tail waits out the rest of it (the delay it adds at most). */
    static final long MIN_ROUND_MILLIS = 5;

    /** How many streams may be open, and how often the tail looks for other nodes' events. */
    public record Settings(int perUser, int perNode, long pollMillis) {
        public Settings {
            if (perUser < 1 || perNode < 1 || pollMillis < 1) {
                throw new IllegalArgumentException("stream limits and the poll interval must be positive");
            }
        }
    }

    private final Transactions transactions;
    private final EventLog log;
    private final EventFeed feed;
    private final Clock clock;
    private final Settings settings;
    /** When the tail last caught up with the feed (System.nanoTime()). */
    private volatile long lastRoundNanos = System.nanoTime();
    private final Map<UserRef, Set<Stream>> open = new ConcurrentHashMap<>();
    private final AtomicInteger openCount = new AtomicInteger();
    private final ReentrantLock tailLock = new ReentrantLock();
    private final Condition woken = tailLock.newCondition();
    private boolean wake;
    private volatile ViewCache views;
    private volatile boolean closed;
    private Thread tail;

    // The tail's own state: only the tail thread touches it.
    private long watermark;
    private final LinkedHashMap<Long, Long> gaps = new LinkedHashMap<>();
    private long lastSweep;
    private long lastRound;

    public EventStreams(Transactions transactions, EventLog log, EventFeed feed, Clock clock, Settings settings) {
        this.transactions = transactions;
        this.log = log;
        this.feed = feed;
        this.clock = clock;
        this.settings = settings;
    }

    /** Starts the tail a little before now, so that events still committing as the node starts are not skipped. */
    public EventStreams start() {
        watermark = transactions.inTransaction(() -> feed.positionBefore(clock.millis() - START_LOOKBACK_MILLIS));
        tail = new Thread(this::runTail, "event-tail");
        tail.setDaemon(true);
        tail.start();
        return this;
    }

    /** Reports every user's new sequence numbers, and each completed round, to the node's rendered views. */
    public EventStreams feeding(ViewCache views) {
        this.views = views;
        return this;
    }

    /** A hint that this node just committed events: the tail looks now instead of at its next interval. */
    public void wake() {
        tailLock.lock();
        try {
            wake = true;
            woken.signal();
        } finally {
            tailLock.unlock();
        }
    }

    @Override
    public Outcome<EventStream> follow(UserRef user, long after) {
        if (closed) {
            return Outcome.rejected(Problem.NODE_FULL, "this node is stopping; connect again");
        }
        if (openCount.incrementAndGet() > settings.perNode()) {
            openCount.decrementAndGet();
            return Outcome.rejected(Problem.NODE_FULL,
                    "this node already serves " + settings.perNode() + " event streams; connect again later");
        }
        Stream stream = new Stream(user, Math.max(0, after));
        boolean admitted = admit(user, stream);
        if (!admitted) {
            // A client that went away (a reloaded page, a dropped network) holds its slot until a write to it
            // fails, and nothing is written to an idle stream before its next heartbeat: ask the user's streams
            // to write now, and take a slot one of them gives back.
            Set<Stream> mine = open.getOrDefault(user, Set.of());
            mine.forEach(Stream::probe);
            long deadline = System.nanoTime() + PROBE_WAIT_NANOS;
            while (!admitted && System.nanoTime() < deadline) {
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
                admitted = admit(user, stream);
            }
        }
        if (!admitted) {
            openCount.decrementAndGet();
            return Outcome.rejected(Problem.TOO_MANY_STREAMS,
                    "this user already has " + settings.perUser() + " event streams open; close one first");
        }
        return Outcome.done(stream);
    }

    private boolean admit(UserRef user, Stream stream) {
        Set<Stream> mine = open.compute(user, (u, set) -> {
            Set<Stream> s = set == null ? new CopyOnWriteArraySet<>() : set;
            if (s.size() < settings.perUser()) {
                s.add(stream);
            }
            return s;
        });
        return mine.contains(stream);
    }

    /**
     * Milliseconds since the tail last caught up with the feed: about the poll interval when all is well; it
     * grows while the store is down or the tail falls behind.
     */
    public long tailLagMillis() {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - lastRoundNanos);
    }

    /** How many streams are open on this node. */
    public int openStreams() {
        return openCount.get();
    }

    @Override
    public void close() {
        closed = true;
        open.values().forEach(set -> set.forEach(Stream::close));
        if (tail != null) {
            tail.interrupt();
            try {
                tail.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void runTail() {
        while (!closed) {
            try {
                awaitWakeOrInterval();
                while (!closed && tailOnce() == FEED_BATCH) {
                    // a full batch: more is waiting
                }
                lastRoundNanos = System.nanoTime();
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // The store may be down for a while; the streams keep their place and catch up from the log later.
                LOG.log(System.Logger.Level.WARNING, "event tail: " + e);
                try {
                    Thread.sleep(Math.max(settings.pollMillis(), 1000));
                } catch (InterruptedException stop) {
                    return;
                }
            }
        }
    }

    private void awaitWakeOrInterval() throws InterruptedException {
        tailLock.lock();
        try {
            long nanos = TimeUnit.MILLISECONDS.toNanos(settings.pollMillis());
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

    /** One round: what is new in the feed, then the bodies of those events whose users have a stream here. */
    int tailOnce() {
        long started = System.nanoTime();
        long now = clock.millis();
        List<Long> asked = gapsToAsk(now);
        List<Entry> entries = new ArrayList<>(transactions.inTransaction(() -> feed.after(watermark,
                asked.subList(0, Math.min(asked.size(), GAPS_PER_QUERY)), FEED_BATCH)));
        int read = entries.size();
        for (int from = GAPS_PER_QUERY; from < asked.size(); from += GAPS_PER_QUERY) {
            List<Long> chunk = asked.subList(from, Math.min(asked.size(), from + GAPS_PER_QUERY));
            // Past Long.MAX_VALUE there is nothing: this asks for the chunk of positions only.
            entries.addAll(transactions.inTransaction(() -> feed.after(Long.MAX_VALUE, chunk, FEED_BATCH)));
        }
        List<Long> wanted = new ArrayList<>();
        for (Entry entry : entries) {
            gaps.remove(entry.position());
            if (entry.position() > watermark) {
                // Only the newest MAX_GAPS of a huge jump can matter: older ones would be evicted at once.
                for (long missing = Math.max(watermark + 1, entry.position() - MAX_GAPS); missing < entry.position();
                     missing++) {
                    rememberGap(missing, now);
                }
                watermark = entry.position();
            }
            if (open.containsKey(entry.user())) {
                wanted.add(entry.position());
            }
            if (views != null) {
                views.advanced(entry.user(), entry.seq());
            }
        }
        if (views != null) {
            views.tailRound(started);
        }
        forgetOldGaps(now);
        for (int from = 0; from < wanted.size(); from += LOAD_BATCH) {
            List<Long> chunk = wanted.subList(from, Math.min(wanted.size(), from + LOAD_BATCH));
            for (UserEvent loaded : transactions.inTransaction(() -> feed.load(chunk))) {
                Set<Stream> streams = open.get(loaded.user());
                if (streams != null) {
                    streams.forEach(s -> s.push(loaded.event()));
                }
            }
        }
        return read;
    }

    /** All tracked positions once a sweep interval, else only the ones first missed recently (the newest at most). */
    private List<Long> gapsToAsk(long now) {
        if (now - lastSweep >= GAP_SWEEP_MILLIS) {
            lastSweep = now;
            return new ArrayList<>(gaps.keySet());
        }
        List<Long> recent = new ArrayList<>();
        gaps.forEach((position, missedAt) -> {
            if (now - missedAt <= RECENT_GAP_MILLIS) {
                recent.add(position);
            }
        });
        return recent.size() <= GAPS_PER_QUERY ? recent : recent.subList(recent.size() - GAPS_PER_QUERY, recent.size());
    }

    /** Tracks a position not yet visible; when MAX_GAPS are tracked, the oldest is given up for it. */
    private void rememberGap(long position, long now) {
        if (gaps.size() >= MAX_GAPS) {
            Iterator<Long> oldest = gaps.keySet().iterator();
            oldest.next();
            oldest.remove();
        }
        gaps.put(position, now);
    }

    private void forgetOldGaps(long now) {
        Iterator<Map.Entry<Long, Long>> oldest = gaps.entrySet().iterator();
        while (oldest.hasNext() && now - oldest.next().getValue() > GAP_GRACE_MILLIS) {
            oldest.remove();
        }
    }

    /** One client's stream: the last sequence number it took, and what the tail pushed since. */
    private final class Stream implements EventStream {
        private final UserRef user;
        private final ReentrantLock lock = new ReentrantLock();
        private final Condition arrived = lock.newCondition();
        private final ArrayDeque<RecordedEvent> buffer = new ArrayDeque<>();
        private long taken;
        /** Read the log before the buffer: at the start, after an overflow, and when the buffer skips a number. */
        private boolean fromLog = true;
        private boolean closedStream;
        /** Heartbeats asked for now, to find out whether the client is still there (see {@link #probe}). */
        private int probes;
        private long nextProbeNanos;

        /**
         * Asks the writer for three heartbeats, 20 ms apart: to a client that closed its connection the first
         * write still succeeds (the peer answers it with a reset), a later one fails, and the writer then closes
         * this stream.
         */
        void probe() {
            lock.lock();
            try {
                if (!closedStream && probes == 0) {
                    probes = 3;
                    nextProbeNanos = System.nanoTime();
                    arrived.signal();
                }
            } finally {
                lock.unlock();
            }
        }

        Stream(UserRef user, long after) {
            this.user = user;
            this.taken = after;
        }

        void push(RecordedEvent event) {
            lock.lock();
            try {
                if (closedStream || event.seq() <= taken) {
                    return;
                }
                if (buffer.size() >= BUFFER) {
                    buffer.clear();
                    fromLog = true;
                } else if (!fromLog) {
                    buffer.add(event);
                }
                arrived.signal();
            } finally {
                lock.unlock();
            }
        }

        @Override
        public EventPage next(long maxWaitMillis) throws InterruptedException {
            long nanos = TimeUnit.MILLISECONDS.toNanos(Math.max(0, maxWaitMillis));
            while (true) {
                lock.lock();
                try {
                    if (closedStream) {
                        return new EventPage(List.of(), taken);
                    }
                    while (!buffer.isEmpty() && buffer.peekFirst().seq() <= taken) {
                        buffer.pollFirst();
                    }
                    if (!fromLog && !buffer.isEmpty() && buffer.peekFirst().seq() != taken + 1) {
                        fromLog = true; // the tail skipped one of this user's events: the log has it
                    }
                    if (!fromLog && !buffer.isEmpty()) {
                        return takeBuffered();
                    }
                    if (!fromLog) {
                        if (nanos <= 0) {
                            return new EventPage(List.of(), taken);
                        }
                        if (probes > 0) {
                            long untilProbe = nextProbeNanos - System.nanoTime();
                            if (untilProbe <= 0) {
                                probes--;
                                nextProbeNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(PROBE_GAP_MILLIS);
                                return new EventPage(List.of(), taken); // the writer sends a heartbeat
                            }
                            long waited = Math.min(nanos, untilProbe);
                            nanos -= waited - arrived.awaitNanos(waited);
                            continue;
                        }
                        nanos = arrived.awaitNanos(nanos);
                        continue;
                    }
                } finally {
                    lock.unlock();
                }
                EventPage page = readLog();
                if (!page.events().isEmpty() || page.resync()) {
                    return page;
                }
            }
        }

        private EventPage takeBuffered() {
            List<RecordedEvent> run = new ArrayList<>();
            while (!buffer.isEmpty() && buffer.peekFirst().seq() == taken + 1 && run.size() < ReadEvents.MAX_BATCH) {
                RecordedEvent event = buffer.pollFirst();
                run.add(event);
                taken = event.seq();
            }
            return new EventPage(run, taken);
        }

        /** Catches up from the user's log; once it has read everything, the buffer takes over again. */
        private EventPage readLog() {
            long from;
            lock.lock();
            try {
                from = taken;
                // Events pushed from now on are kept: whatever the log read misses, the buffer holds.
                buffer.clear();
                fromLog = false;
            } finally {
                lock.unlock();
            }
            EventPage page = transactions.inTransaction(() -> EventService.replay(log, user, from, ReadEvents.MAX_BATCH));
            lock.lock();
            try {
                if (closedStream) {
                    return new EventPage(List.of(), taken);
                }
                if (page.resync()) {
                    taken = page.last();
                } else if (!page.events().isEmpty()) {
                    taken = page.events().get(page.events().size() - 1).seq();
                    if (taken < page.last()) {
                        fromLog = true; // more than one batch behind: read on from the log
                    }
                }
                return page;
            } finally {
                lock.unlock();
            }
        }

        @Override
        public boolean isOpen() {
            lock.lock();
            try {
                return !closedStream;
            } finally {
                lock.unlock();
            }
        }

        @Override
        public void close() {
            lock.lock();
            try {
                if (closedStream) {
                    return;
                }
                closedStream = true;
                buffer.clear();
                arrived.signalAll();
            } finally {
                lock.unlock();
            }
            open.computeIfPresent(user, (u, set) -> {
                set.remove(this);
                return set.isEmpty() ? null : set;
            });
            openCount.decrementAndGet();
        }
    }
}
