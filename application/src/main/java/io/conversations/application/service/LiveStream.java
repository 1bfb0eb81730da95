package io.conversations.application.service;

import io.conversations.application.model.EventPage;
import io.conversations.application.port.in.EventStream;
import io.conversations.application.port.in.ReadEvents;
import io.conversations.domain.event.RecordedEvent;
import io.conversations.domain.identity.UserRef;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * One client's stream: the last sequence number it took, and what the tail pushed since. It reads the user's log
 * at the start, after its buffer overflowed, and when the buffer skips a number; otherwise it hands out what the
 * tail pushed, so a slow client holds a bounded buffer and catches up from the log at its own pace.
 */
final class LiveStream implements EventStream {
    /** Events a stream holds for its client before it drops them and reads from the log instead. */
    static final int BUFFER = 256;

    private final UserRef user;
    private final LogReplays replays;
    private final Consumer<LiveStream> onClose;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition arrived = lock.newCondition();
    private final ArrayDeque<RecordedEvent> buffer = new ArrayDeque<>();
    private long taken;
    /** Read the log before the buffer: at the start, after an overflow, and when the buffer skips a number. */
    private boolean fromLog = true;
    private boolean closedStream;
    /** Whether the node asked for this stream's client to be checked (see {@link #probe}). */
    private boolean checkWanted;
    private volatile Runnable signal = () -> { };

    /** Asks the writer to find out whether the client is still there (a write to a client that left fails). */
    void probe() {
        lock.lock();
        try {
            if (closedStream) {
                return;
            }
            checkWanted = true;
            arrived.signal();
        } finally {
            lock.unlock();
        }
        signal.run();
    }

    @Override
    public void onSignal(Runnable signal) {
        this.signal = signal;
    }

    @Override
    public boolean takeCheck() {
        lock.lock();
        try {
            boolean wanted = checkWanted;
            checkWanted = false;
            return wanted;
        } finally {
            lock.unlock();
        }
    }

    LiveStream(UserRef user, long after, LogReplays replays, Consumer<LiveStream> onClose) {
        this.user = user;
        this.taken = after;
        this.replays = replays;
        this.onClose = onClose;
    }

    UserRef user() {
        return user;
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
        signal.run();
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
                    if (nanos <= 0 || checkWanted) {
                        return new EventPage(List.of(), taken); // nothing yet, or the writer should write now
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
    private EventPage readLog() throws InterruptedException {
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
        EventPage page = replays.read(user, from);
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
        onClose.accept(this);
        signal.run();
    }
}
