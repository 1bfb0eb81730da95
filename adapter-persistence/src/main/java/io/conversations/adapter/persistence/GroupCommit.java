package io.conversations.adapter.persistence;

import io.conversations.application.model.StoreUnavailable;
import java.lang.reflect.Field;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.FileStore;
import org.h2.mvstore.MVStore;

/**
 * The embedded store's commits, written to the file in groups. H2 writes a chunk of the B-tree pages a commit
 * changed; with a chunk per commit ({@code WRITE_DELAY=0}) the same upper pages were written again by every
 * commit, about 50 KB each, and the file grew by all of them (2 GB for 18 MB of data in a 30-second burst of
 * writes) while commits queued on the store-wide chunk write. Here H2 keeps a committed transaction in memory
 * ({@code WRITE_DELAY} &gt; 0), and the transaction's thread then waits until a chunk that holds it is in the
 * file before the use case answers: the first thread to get here writes one chunk for every transaction
 * committed so far, and the threads that arrive while it writes share the next one. An acknowledged write is
 * in the file (in the operating system's hands: a killed process loses none), as with a chunk per commit.
 * A transaction that changed nothing waits for nothing. It waits without a pooled connection (it gave it back at
 * its commit): holding one, the waiting commits kept half of the pool idle and the other writers queued for it
 * (messages' p99 about 350 ms against about 200 without, moves' 110-130 ms against 71-89, benchmark's cases 3 and
 * 4 on the embedded store side by side).
 */
final class GroupCommit {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition written = lock.newCondition();
    /** Tickets handed out to transactions that committed changes; each is covered by a later write. */
    private long issued;
    /** Every ticket up to this one is in the file. */
    private long writtenThrough;
    /** Tickets up to this one failed to be written. */
    private long failedThrough;
    private RuntimeException failure;
    private boolean writing;

    /** Whether the connection's transaction holds changes (asked just before its commit). */
    static boolean changes(Connection c) throws SQLException {
        return session(c).hasPendingTransaction();
    }

    /** The store whose file the connection's commits go to (asked before the commit; the connection is not kept). */
    static MVStore storeOf(Connection c) throws SQLException {
        return session(c).getDatabase().getStore().getMvStore();
    }

    /**
     * After the commit of a transaction that changed something (its connection back in the pool already): returns
     * once the change is in the file.
     */
    void awaitWritten(MVStore store) {
        long ticket;
        long covers;
        lock.lock();
        try {
            ticket = ++issued;
            while (true) {
                if (writtenThrough >= ticket) {
                    return;
                }
                if (failedThrough >= ticket) {
                    throw failure;
                }
                if (!writing) {
                    break; // this thread writes, for every ticket issued so far
                }
                written.awaitUninterruptibly();
            }
            writing = true;
            covers = issued;
        } finally {
            lock.unlock();
        }
        RuntimeException failed = null;
        try {
            store.commit(); // every transaction committed before a ticket was issued is in this chunk
            awaitPendingWrites(store);
        } catch (RuntimeException e) {
            failed = StoreUnavailable.outcomeUnknown("the embedded store could not write its file: " + e.getMessage(), e);
        }
        lock.lock();
        try {
            writing = false;
            if (failed == null) {
                writtenThrough = Math.max(writtenThrough, covers);
            } else {
                failure = failed;
                failedThrough = Math.max(failedThrough, covers);
            }
            written.signalAll();
        } finally {
            lock.unlock();
        }
        if (failed != null) {
            throw failed;
        }
    }

    /**
     * H2's own background writes (its write delay, its compaction) hand a chunk to two single-thread executors
     * of the file store (serialize, then save) and return before it is saved. A transaction whose changes such a
     * chunk took finds nothing left to write in {@code commit()}, which then returns at once: before its changes
     * are in the file. A task queued behind each executor's queue returns only once every chunk handed over
     * before it is saved. H2 offers no public way to wait for them, so the executors are reached by their field
     * names (H2 2.3); a new H2 that moved them fails the store's start (this class cannot load).
     */
    private static void awaitPendingWrites(MVStore store) {
        for (Field field : EXECUTORS) {
            try {
                ExecutorService pool = executor(field, store);
                if (pool != null) {
                    pool.submit(() -> { }).get();
                }
            } catch (ExecutionException e) {
                throw new IllegalStateException("waiting for H2's writes failed", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for H2's writes", e);
            } catch (RejectedExecutionException closing) {
                throw new IllegalStateException("the embedded store is closing", closing);
            }
        }
    }

    /** H2's executor that serializes each chunk, the first of the two a write goes through (null: not started). */
    static ExecutorService serializationExecutor(MVStore store) {
        return executor(EXECUTORS[0], store);
    }

    private static ExecutorService executor(Field field, MVStore store) {
        try {
            return (ExecutorService) field.get(store.getFileStore());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("H2's file store executors cannot be reached", e);
        }
    }

    private static final Field[] EXECUTORS = executorFields();

    private static Field[] executorFields() {
        try {
            Field serialize = FileStore.class.getDeclaredField("serializationExecutor");
            Field save = FileStore.class.getDeclaredField("bufferSaveExecutor");
            serialize.setAccessible(true);
            save.setAccessible(true);
            return new Field[] {serialize, save};
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("this H2 has no file store executors where H2 2.3 has them: the group "
                    + "commit cannot wait for H2's own writes (GroupCommit)", e);
        }
    }

    private static SessionLocal session(Connection c) throws SQLException {
        return (SessionLocal) c.unwrap(JdbcConnection.class).getSession();
    }
}
