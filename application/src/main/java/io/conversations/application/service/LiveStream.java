package io.conversations.application.service;

import io.conversations.application.model.EventPage;
import io.conversations.application.port.in.EventStream;
import io.conversations.application.port.in.ReadEvents;
import io.conversations.application.port.out.CatchUpReads;
import io.conversations.domain.event.RecordedEvent;
import io.conversations.domain.identity.UserRef;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * One client's stream: the last sequence number it took, and what the store delivered since. It reads the user's log
 * at the start, after its buffer overflowed, and when the buffer skips a number; otherwise it hands out what was
 * delivered, so a slow client holds a bounded buffer and catches up from the log at its own pace.
 */
final class LiveStream implements EventStream {
    /** Events a stream holds for its client before it drops them and reads from the log instead. */
    static final int BUFFER = 256;

    private final UserRef user;
    private final CatchUpReads reads;
    private final Runnable ready;
    private final Consumer<LiveStream> onClose;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition arrived = lock.newCondition();
    private final ArrayDeque<RecordedEvent> buffer = new ArrayDeque<>();
    private long taken;
    /** Read the log before the buffer: at the start, after an overflow, and when the buffer skips a number. */
    private boolean fromLog = true;
    private boolean closedStream;
    /** The catch-up read asked for when the stream was opened, until it is taken. */
    private CompletableFuture<EventPage> pendingRead;

    /** {@code ready}: told whenever there is something to take ({@link io.conversations.application.port.in.FollowEvents}). */
    LiveStream(UserRef user, long after, CatchUpReads reads, Runnable ready, Consumer<LiveStream> onClose) {
        this.user = user;
        this.taken = after;
        this.reads = reads;
        this.ready = ready;
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
        ready.run();
    }

    /**
     * {@inheritDoc} With {@code maxWaitMillis} 0 this never waits: while the stream's catch-up read is queued it
     * answers an empty page, and the stream signals when the read is done.
     */
    @Override
    public EventPage next(long maxWaitMillis) throws InterruptedException {
        long nanos = TimeUnit.MILLISECONDS.toNanos(Math.max(0, maxWaitMillis));
        while (true) {
            CompletableFuture<EventPage> read;
            lock.lock();
            try {
                if (closedStream) {
                    return new EventPage(List.of(), taken);
                }
                if (pendingRead == null) {
                    while (!buffer.isEmpty() && buffer.peekFirst().seq() <= taken) {
                        buffer.pollFirst();
                    }
                    if (!fromLog && !buffer.isEmpty() && buffer.peekFirst().seq() != taken + 1) {
                        fromLog = true; // delivery skipped one of this user's events: the log has it
                    }
                    if (!fromLog && !buffer.isEmpty()) {
                        return takeBuffered();
                    }
                    if (!fromLog) {
                        if (nanos <= 0) {
                            return new EventPage(List.of(), taken); // nothing yet
                        }
                        nanos = arrived.awaitNanos(nanos);
                        continue;
                    }
                    pendingRead = requestRead();
                }
                read = pendingRead;
                if (!read.isDone() && nanos <= 0) {
                    return new EventPage(List.of(), taken); // the read signals when it is done
                }
            } finally {
                lock.unlock();
            }
            EventPage page = took(read);
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

    /**
     * Asks for the first catch-up read now (the stream was just opened), so that the user's other streams opened
     * at the same moment can share it while it waits for its turn.
     */
    void startCatchingUp() {
        lock.lock();
        try {
            if (fromLog && pendingRead == null && !closedStream) {
                pendingRead = requestRead();
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Under the lock: keeps what is delivered from now on (whatever the log read misses, the buffer holds), and
     * asks for the log after {@code taken}; the stream tells its writer when the read is done.
     */
    private CompletableFuture<EventPage> requestRead() {
        buffer.clear();
        fromLog = false;
        long after = taken;
        CompletableFuture<EventPage> read = reads.readAfter(user, after, ReadEvents.MAX_BATCH)
                .thenApply(page -> page.continuing(after));
        read.whenComplete((page, failure) -> ready.run());
        return read;
    }

    /** Takes the catch-up read's page (waiting for it if need be); once the log is read, the buffer takes over. */
    private EventPage took(CompletableFuture<EventPage> read) throws InterruptedException {
        EventPage page;
        try {
            page = await(read);
        } catch (RuntimeException failed) {
            lock.lock();
            try {
                if (pendingRead == read) {
                    pendingRead = null;
                    fromLog = true;
                }
            } finally {
                lock.unlock();
            }
            throw failed;
        }
        lock.lock();
        try {
            if (pendingRead != read) {
                return new EventPage(List.of(), taken); // taken already (two callers of next at once)
            }
            pendingRead = null;
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

    private static EventPage await(CompletableFuture<EventPage> read) throws InterruptedException {
        try {
            return read.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException(e.getCause());
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
        ready.run();
    }
}
