package io.conversations.adapter.persistence;

import io.conversations.application.model.StoreUnavailable;
import io.conversations.application.port.out.Transactions;
import io.conversations.domain.chat.ChatId;
import io.conversations.domain.identity.CorpId;
import io.conversations.domain.identity.UserRef;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.h2.mvstore.MVStore;

/**
 * One JDBC transaction per use case, on a connection bound to the calling thread. A transaction
 * the database aborted to break a deadlock or a lock wait is run again from the start, after a
 * randomised, growing pause, for as long as a time budget allows; past it the caller learns that
 * the store is unavailable (the aborted attempts changed nothing).
 */
final class JdbcTransactions implements Transactions {
    /** How long a use case may spend on attempts the database aborted before it answers 503. */
    static final long RETRY_BUDGET_NANOS = TimeUnit.SECONDS.toNanos(5);
    private static final long FIRST_PAUSE_MICROS = 500;
    private static final long MAX_PAUSE_MICROS = 100_000;
    private final DataSource dataSource;
    private final ThreadLocal<Connection> current = new ThreadLocal<>();
    /** The users the current transaction appended events for, with the newest sequence of each. */
    private final ThreadLocal<Map<UserRef, Long>> appended = ThreadLocal.withInitial(HashMap::new);
    /** The users whose rows the current transaction holds locked, as the transaction has changed them so far. */
    private final ThreadLocal<Map<UserRef, UserRow.Held>> held = ThreadLocal.withInitial(HashMap::new);
    private volatile Consumer<Map<UserRef, Long>> eventsCommitted = users -> {};
    /** The big chats the current transaction changed (a message, a member in or out). */
    private final ThreadLocal<Set<ChatKey>> chatsChanged = ThreadLocal.withInitial(LinkedHashSet::new);
    private volatile Consumer<Set<ChatKey>> chatsCommitted = chats -> {};

    /** A chat of a corp. */
    record ChatKey(CorpId corp, ChatId chat) {}
    /** Writes back what the transaction changed of the user rows it holds; run just before each commit. */
    private volatile Consumer<Map<UserRef, UserRow.Held>> writeBack = rows -> {};
    /** The embedded store's: a commit answers once it is in the file (null: the database's commit is). */
    private volatile GroupCommit groupCommit;

    private final StoreState state;
    private final java.util.concurrent.atomic.LongAdder retries = new java.util.concurrent.atomic.LongAdder();

    /** Transactions tried again after a deadlock or lock-wait timeout. */
    long retries() {
        return retries.sum();
    }

    JdbcTransactions(DataSource dataSource, StoreState state) {
        this(dataSource, state, 0);
    }

    /**
     * {@code statementTimeoutMillis}: how long a use case's transaction waits for one answer of the database
     * before its connection is given up (0: no limit). A database that stops answering (frozen, its network
     * gone) otherwise holds the requests under way until it answers again: Connector/J cannot interrupt a read
     * in progress (its abort first sends KILL over a new connection, which waits as long; closing the socket
     * under the reading thread waits for that thread's lock). Migrations do not run through here.
     */
    JdbcTransactions(DataSource dataSource, StoreState state, int statementTimeoutMillis) {
        this.state = state;
        this.dataSource = dataSource;
        this.statementTimeoutMillis = statementTimeoutMillis;
    }

    private final int statementTimeoutMillis;
    /** setNetworkTimeout wants an executor for the driver's abort; Connector/J runs nothing on it here. */
    private static final java.util.concurrent.Executor DIRECT = Runnable::run;

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        if (current.get() != null) {
            return work.get();
        }
        if (state.isDown()) {
            throw new StoreUnavailable("the store is unavailable (" + state.why() + "); nothing was changed", null);
        }
        long deadline = System.nanoTime() + RETRY_BUDGET_NANOS;
        for (int attempt = 1; ; attempt++) {
            try {
                return once(work);
            } catch (JdbcFailure e) {
                if (!isRetryable(e.sqlException())) {
                    throw e;
                }
                long pause = pauseMicros(attempt);
                if (System.nanoTime() + TimeUnit.MICROSECONDS.toNanos(pause) > deadline) {
                    throw new StoreUnavailable("the store aborted " + attempt + " attempts of this change "
                            + "(conflicting writes): " + e.sqlException().getMessage(), e);
                }
                retries.increment();
                LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(pause));
            }
        }
    }

    /**
     * A random pause between half the cap and the cap, which doubles with each attempt from 0.5 ms up to 100 ms:
     * writers that collided once do not collide again in step, and a busy row is not hammered.
     */
    static long pauseMicros(int attempt) {
        long cap = Math.min(MAX_PAUSE_MICROS, FIRST_PAUSE_MICROS << Math.min(attempt - 1, 20));
        return ThreadLocalRandom.current().nextLong(cap / 2, cap + 1);
    }

    /**
     * Called after every commit that appended events, on the committing thread and before the use case
     * answers (keep it short), with each user's newest sequence.
     */
    void onEventsCommitted(Consumer<Map<UserRef, Long>> listener) {
        this.eventsCommitted = listener;
    }

    /** Called after every commit that changed big chats, like {@link #onEventsCommitted}. */
    void onChatsCommitted(Consumer<Set<ChatKey>> listener) {
        this.chatsCommitted = listener;
    }

    /** The current transaction changed a big chat: told after the commit. */
    void chatChanged(CorpId corp, ChatId chat) {
        chatsChanged.get().add(new ChatKey(corp, chat));
    }

    /** Sets what writes back the held user rows before each commit (the store's {@link UserRow#writeBack}). */
    /** The embedded store's commits are written to its file in groups (see {@link GroupCommit}). */
    void writeCommitsInGroups(GroupCommit commits) {
        this.groupCommit = commits;
    }

    void beforeCommit(Consumer<Map<UserRef, UserRow.Held>> writer) {
        this.writeBack = writer;
    }

    /**
     * The current transaction appended the user's events up to {@code seq} (the user's row is held): the row is
     * written before the commit, and the listener told after it.
     */
    void eventsAppended(UserRef user, long seq) {
        appended.get().merge(user, seq, Math::max);
        heldRow(user).appended(seq);
    }

    /** The current transaction decided the user's grouped count (the user's row is held); written before commit. */
    void groupedCountChanged(UserRef user, int count) {
        heldRow(user).grouped(count);
    }

    /** The current transaction locked the user's row, whose stored event sequence is {@code seq}. */
    void locked(UserRef user, long seq) {
        // Locked again later in the transaction, the row as the transaction left it stands, not the stored one.
        held.get().putIfAbsent(user, new UserRow.Held(seq));
    }

    /** The user's event sequence as this transaction has it, if it holds the user's row locked; else null. */
    Long heldSeq(UserRef user) {
        UserRow.Held row = held.get().get(user);
        return row == null ? null : row.seq();
    }

    private UserRow.Held heldRow(UserRef user) {
        UserRow.Held row = held.get().get(user);
        if (row == null) {
            throw new IllegalStateException("the user's row is changed without being locked first: " + user);
        }
        return row;
    }

    Connection connection() {
        Connection c = current.get();
        if (c == null) {
            throw new IllegalStateException("no transaction: repositories are used inside Transactions.inTransaction");
        }
        return c;
    }

    /**
     * One attempt: the work and its commit on a pooled connection, which goes back to the pool as soon as the
     * commit is done; on the embedded store the thread then waits for the commit to be in the file (without a
     * connection: the transactions that commit meanwhile join the next group's chunk instead of queueing for the
     * pool), and only then are the listeners told of it.
     */
    private <T> T once(Supplier<T> work) {
        Committed<T> committed = commit(work);
        if (committed.store() != null) {
            try {
                groupCommit.awaitWritten(committed.store()); // before anyone is told of it
            } catch (StoreUnavailable e) {
                markDownIfLost(e);
                throw e;
            }
        }
        if (!committed.users().isEmpty()) {
            eventsCommitted.accept(committed.users());
        }
        if (!committed.chats().isEmpty()) {
            chatsCommitted.accept(committed.chats());
        }
        return committed.result();
    }

    /** A committed attempt: its result, the embedded store whose file it waits for (null: none), and whom to tell. */
    private record Committed<T>(T result, MVStore store, Map<UserRef, Long> users, Set<ChatKey> chats) {}

    private <T> Committed<T> commit(Supplier<T> work) {
        Connection c;
        try {
            c = dataSource.getConnection();
        } catch (SQLException e) {
            if (Store.isUnreachable(e)) {
                state.markDown(Store.rootMessage(e));
            }
            throw new StoreUnavailable("the store is unavailable: " + e.getMessage(), e);
        }
        current.set(c);
        try {
            if (statementTimeoutMillis > 0) {
                c.setNetworkTimeout(DIRECT, statementTimeoutMillis); // the pool resets it when the connection returns
            }
            c.setAutoCommit(false);
            appended.get().clear();
            held.get().clear();
            chatsChanged.get().clear();
            T result = work.get();
            writeBack.accept(held.get());
            GroupCommit grouped = groupCommit;
            MVStore store = grouped != null && GroupCommit.changes(c) ? GroupCommit.storeOf(c) : null;
            try {
                c.commit();
            } catch (SQLException e) {
                if (isConflictAbort(e)) {
                    // Galera certifies a transaction at its commit: one that conflicts with a transaction committed
                    // through another node is aborted there (1213) and nothing of it landed. Run it again.
                    throw new JdbcFailure("COMMIT", e);
                }
                // The commit was sent; whether it landed is not known (the answer may be what was lost).
                // Marking the store down and rolling back is the StoreUnavailable catch's below.
                throw StoreUnavailable.outcomeUnknown("the store failed while committing: " + e.getMessage(), e);
            }
            Committed<T> committed = new Committed<>(result, store, Map.copyOf(appended.get()),
                    Set.copyOf(chatsChanged.get()));
            appended.get().clear();
            return committed;
        } catch (SQLException e) {
            rollback(c);
            if (Store.isBrokenFile(e)) {
                state.markDown(Store.rootMessage(e));
            }
            throw Jdbc.translate("COMMIT", e);
        } catch (StoreUnavailable e) {
            markDownIfLost(e);
            rollback(c);
            throw e;
        } catch (RuntimeException | Error e) {
            rollback(c);
            throw e;
        } finally {
            current.remove();
            held.get().clear();
            chatsChanged.get().clear();
            try {
                c.close();
            } catch (SQLException ignored) {
                // The pool discards a connection it cannot reset.
            }
        }
    }

    /** Marks the store down when the failure shows its server unreachable or its file broken. */
    private void markDownIfLost(StoreUnavailable e) {
        if (Store.isUnreachable(e) || Store.isBrokenFile(e)) {
            state.markDown(Store.rootMessage(e));
        }
    }

    private static void rollback(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // The connection is broken; closing it discards whatever was under way.
        }
    }

    /**
     * The database rolled the transaction back and a new attempt may pass: a deadlock, a lock-wait timeout or a
     * Galera certification failure (MariaDB 1213/1205, SQLSTATE 40001; H2 40001/HYT00), or Connector/J moved the
     * connection to the next node of a failover URL after its node failed, losing the transaction (25S03). A failed
     * COMMIT is run again only for 1213/40001 (certification): otherwise whether it landed is not known.
     */
    static boolean isRetryable(SQLException e) {
        String state = e.getSQLState();
        return isConflictAbort(e) || "HYT00".equals(state) || e.getErrorCode() == 1205 || "25S03".equals(state);
    }

    /** The database aborted the transaction for a deadlock or a Galera certification failure (1213, SQLSTATE 40001). */
    static boolean isConflictAbort(SQLException e) {
        return "40001".equals(e.getSQLState()) || e.getErrorCode() == 1213;
    }
}
