package io.conversations.adapter.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.conversations.application.port.out.Chats;
import io.conversations.application.port.out.ConversationGroups;
import io.conversations.application.port.out.Conversations;
import io.conversations.application.port.out.Directory;
import io.conversations.application.port.out.EventLog;
import io.conversations.application.port.out.EventsCommitted;
import io.conversations.application.port.out.IdempotencyKeys;
import io.conversations.application.port.out.Messages;
import io.conversations.application.port.out.PickedChats;
import io.conversations.application.port.out.StoreHealth;
import io.conversations.application.port.out.Transactions;
import io.conversations.domain.identity.UserRef;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The persistence adapter as a whole: opens the pool, brings the schema up to date, and hands out
 * one implementation per out-port, all sharing the same transactions.
 */
public final class Store implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Store.class);

    private final HikariDataSource dataSource;
    private final JdbcTransactions transactions;
    private final StoreState state;
    private final Jdbc jdbc;
    private final String description;
    private final boolean embedded;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final QueuedLogReads catchUpReads;

    /**
     * How long a request's transaction waits for one answer of MariaDB before the request is answered 503: far
     * above any statement of a use case (milliseconds; the retry budget of a whole use case is 5 s) and above a
     * Galera node's eviction of a dead peer (about 6 s, during which writes wait and then succeed: 5 s turned
     * them into 503s), so it only ends waits on a database that stopped answering.
     */
    static final int STATEMENT_TIMEOUT_MILLIS = 10_000;

    private Store(HikariDataSource dataSource, String description, boolean embedded, StoreState state, int poolSize) {
        this.dataSource = dataSource;
        this.description = description;
        this.embedded = embedded;
        this.state = state;
        this.transactions = new JdbcTransactions(dataSource, state, embedded ? 0 : STATEMENT_TIMEOUT_MILLIS);
        this.jdbc = new Jdbc(transactions);
        transactions.beforeCommit(held -> UserRow.writeBack(jdbc, held));
        if (embedded) {
            transactions.writeCommitsInGroups(new GroupCommit());
        }
        this.catchUpReads = new QueuedLogReads(transactions, new JdbcEventLog(jdbc, transactions),
                Math.max(1, poolSize / 2));
    }

    /** Opens the store the settings name and migrates its schema; fails when the database cannot be reached. */
    public static Store open(StoreSettings settings) {
        HikariConfig config = new HikariConfig();
        String description;
        Galera galera = settings.mariaDbUrl().map(url -> Galera.detect(url, settings.user(), settings.password()))
                .orElse(Galera.NONE);
        if (settings.mariaDbUrl().isPresent()) {
            String url = settings.mariaDbUrl().get();
            config.setJdbcUrl(url);
            config.setUsername(settings.user());
            config.setPassword(settings.password());
            galera.connectionProperties(url).forEach(config::addDataSourceProperty);
            galera.sessionSettings().ifPresent(config::setConnectionInitSql);
            description = galera.describe(url);
        } else {
            Path dir = settings.dataDir().toAbsolutePath().normalize();
            try {
                Files.createDirectories(dir);
            } catch (java.io.IOException e) {
                throw new IllegalStateException("cannot create the data directory " + dir, e);
            }
            // MariaDB mode so the same SQL serves both stores; lock waits long enough for a burst of one user's writes.
            // WRITE_DELAY=100: H2 keeps a commit in memory and its background thread writes and compacts the file;
            // a use case's transaction still answers only once its commit is in the file, written in a group with
            // the others committed meanwhile (GroupCommit; with WRITE_DELAY=0, a chunk per commit, the background
            // thread did not run, no chunk was ever rewritten, and the file grew by every commit). H2 keeps
            // replaced chunks for 45 s (its RETENTION_TIME, left as it is: it guards the file against a crash of
            // the machine), so a busy file holds more than its data until a clean stop compacts it (close()).
            // DB_CLOSE_ON_EXIT=FALSE: the service's own shutdown closes the store after the HTTP server, not H2's
            // hook while requests still run. MAX_COMPACT_TIME is the fallback should that compaction fail: H2's
            // default 0.2 s left 2 GB holding 130 MB after a stop.
            EmbeddedSchema.seedIfFresh(dir);
            config.setJdbcUrl(embeddedUrl(dir));
            config.setUsername("sa");
            config.setPassword("");
            description = "embedded H2 file in " + dir;
        }
        config.setPoolName("conversations");
        config.setMaximumPoolSize(settings.poolSize());
        config.setConnectionTimeout(10_000);
        config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        config.setAutoCommit(false);
        HikariDataSource dataSource = new HikariDataSource(config);
        String schemaVersion;
        try {
            // A file that holds every migration of this build (a fresh one is seeded with them, EmbeddedSchema) needs
            // no Flyway: loading it and reading its migrations took 0.3-0.7 s of a 2.5 s start.
            schemaVersion = settings.mariaDbUrl().isEmpty() ? EmbeddedSchema.currentVersion(dataSource) : null;
            if (schemaVersion == null) {
                schemaVersion = migrate(dataSource, settings.mariaDbUrl().isPresent());
            }
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
        LOG.info("store: {}, schema version {}", description, schemaVersion);
        StoreState state = settings.mariaDbUrl()
                .map(url -> StoreState.probing(url, settings.user(), settings.password(),
                        galera.connectionProperties(url), galera.nodeQuery(), node -> movePool(dataSource, node)))
                .orElseGet(() -> StoreState.embedded(dataSource, () -> {
                    var pool = dataSource.getHikariPoolMXBean();
                    if (pool != null) {
                        pool.softEvictConnections();
                    }
                }));
        return new Store(dataSource, description, settings.mariaDbUrl().isEmpty(), state, settings.poolSize());
    }

    /** The migrations of MariaDB, and of the embedded store: the schema is one, db/h2 holds H2's own tuning of it. */
    static final String[] MARIADB_MIGRATIONS = {"classpath:db/migration"};
    static final String[] EMBEDDED_MIGRATIONS = {"classpath:db/migration", "classpath:db/h2"};

    /** Brings the schema up to date with Flyway; answers the version it is at. */
    static String migrate(HikariDataSource dataSource, boolean mariaDb) {
        String[] locations = mariaDb ? MARIADB_MIGRATIONS : EMBEDDED_MIGRATIONS;
        Flyway flyway;
        if (mariaDb) {
            flyway = MigrationLock.holding(dataSource, MigrationLock.thisProcess(), () -> {
                // A fresh database holds the lock's own table only, which Flyway would take for someone else's
                // schema: it starts its history below version 1 then ("baseline" 0), and migrates from V1.
                Flyway migrating = Flyway.configure().dataSource(dataSource).locations(locations)
                        .baselineOnMigrate(MigrationLock.onlyTableIn(dataSource)).baselineVersion("0").load();
                migrating.migrate();
                return migrating;
            });
        } else {
            flyway = Flyway.configure().dataSource(dataSource).locations(locations).load();
            flyway.migrate(); // the H2 file is this process's alone
        }
        var current = flyway.info().current();
        return current == null ? "none" : current.getVersion().getVersion();
    }

    /** The embedded store's JDBC URL for the file {@code conversations.mv.db} in {@code dir} (the settings: see open). */
    static String embeddedUrl(Path dir) {
        return "jdbc:h2:file:" + dir.resolve("conversations")
                + ";MODE=MariaDB;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=20000"
                + ";WRITE_DELAY=100;DB_CLOSE_ON_EXIT=FALSE;MAX_COMPACT_TIME=10000";
    }

    /**
     * The failover URL's order now picks another Galera node (the one before failed, or came back): every pooled
     * connection is replaced as soon as it is not in use, so that the writes of every service node go through one
     * Galera node again (through two, their transactions conflict at certification, and the positions each node
     * hands out interleave).
     */
    private static void movePool(HikariDataSource dataSource, String node) {
        LOG.warn("the database's failover order now reaches Galera node {}: the pool's connections move to it", node);
        var pool = dataSource.getHikariPoolMXBean();
        if (pool != null) {
            pool.softEvictConnections();
        }
    }

    /**
     * Whether opening failed because the database did not answer (not running, not reachable, starting):
     * worth trying again; a refused password or a missing database is not.
     */
    public static boolean isUnreachable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql && "25S03".equals(sql.getSQLState())) {
                return false; // Connector/J lost a node and is connected to the next one of its failover URL
            }
            if (t instanceof java.net.ConnectException || t instanceof java.net.UnknownHostException
                    || t instanceof java.sql.SQLTransientConnectionException) {
                return true;
            }
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")
                    && !(sql.getMessage() != null && sql.getMessage().contains("Access denied"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the store's own file failed under a statement: the embedded store could not write (a full disk, an
     * I/O error) or closed itself after such a failure (H2 90098, "the database has been closed"). Answered as
     * the store being unavailable (503), and the embedded store's probe opens it again once it can.
     */
    public static boolean isBrokenFile(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof java.io.IOException || t instanceof java.sql.SQLNonTransientConnectionException) {
                return true;
            }
            if (t instanceof java.sql.SQLException sql && (sql.getErrorCode() == 90098 || sql.getErrorCode() == 90028
                    || sql.getErrorCode() == 90121)) {
                return true;
            }
            if (t.getClass().getName().equals("org.h2.mvstore.MVStoreException")) {
                return true;
            }
        }
        return false;
    }

    /** The innermost message of a failure, for a one-line report. */
    public static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.toString() : root.getMessage();
    }

    /** The pool and the store as numbers for metrics: connections in use, idle, all; callers waiting for one. */
    public record Stats(int activeConnections, int idleConnections, int totalConnections, int waitingForConnection,
                        long transactionRetries, boolean down) {}

    public Stats stats() {
        var pool = dataSource.getHikariPoolMXBean();
        return pool == null ? new Stats(0, 0, 0, 0, transactions.retries(), state.isDown())
                : new Stats(pool.getActiveConnections(), pool.getIdleConnections(), pool.getTotalConnections(),
                        pool.getThreadsAwaitingConnection(), transactions.retries(), state.isDown());
    }

    public String description() {
        return description;
    }

    public Transactions transactions() {
        return transactions;
    }

    public Directory directory() {
        return new JdbcDirectory(jdbc);
    }

    public Chats chats() {
        return new JdbcChats(jdbc);
    }

    public Conversations conversations() {
        return new JdbcConversations(jdbc);
    }

    public ConversationGroups conversationGroups() {
        return new JdbcConversationGroups(jdbc);
    }

    public Messages messages() {
        return new JdbcMessages(jdbc);
    }

    public IdempotencyKeys idempotencyKeys() {
        return new JdbcIdempotencyKeys(jdbc);
    }

    public PickedChats pickedChats() {
        return new JdbcPickedChats(jdbc);
    }

    public EventLog eventLog() {
        return new JdbcEventLog(jdbc, transactions);
    }

    /** The feed the tail reads (for the feed's own contract tests). */
    EventFeed eventFeed() {
        return new JdbcEventFeed(jdbc, embedded);
    }

    /**
     * The streams' catch-up reads of users' logs, half the pool's connections at a time (one object per store: it
     * holds the threads that run them; closed with the store).
     */
    public QueuedLogReads catchUpReads() {
        return catchUpReads;
    }

    /**
     * Starts telling {@code listener} of committed events: this node's after each commit that recorded events,
     * before the use case answers, and every node's through the feed, which a tail reads every {@code pollMillis}
     * and at once after each of this node's commits. Answers the tail, to close before the store.
     */
    public FeedTail tellCommittedEvents(EventsCommitted listener, long pollMillis) {
        FeedTail tail = new FeedTail(transactions, eventFeed(), System::currentTimeMillis,
                pollMillis, listener).start();
        transactions.onEventsCommitted(users -> {
            users.forEach(listener::committed);
            tail.wake();
        });
        transactions.onChatsCommitted(chats -> {
            chats.forEach(c -> listener.chatChanged(c.corp(), c.chat()));
            tail.wake();
        });
        return tail;
    }

    public StoreHealth health() {
        return () -> {
            if (!embedded || state.isDown()) {
                return !state.isDown(); // known at once, from the probe and the requests
            }
            try (Connection c = dataSource.getConnection()) {
                return c.isValid(2);
            } catch (SQLException | RuntimeException e) {
                return false;
            }
        };
    }

    /**
     * Closes the pool. The embedded store is first rewritten to its live data ({@code SHUTDOWN COMPACT}: a new file
     * swapped in, so a crash meanwhile leaves the old one): after busy writes the file held about 100 times its
     * data, and the rewrite takes time in proportion to the data, not to the file (1.5 s for 30 MB of 130 MB).
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        state.close();
        catchUpReads.close();
        if (embedded) {
            long started = System.nanoTime();
            Connection c = null;
            try {
                c = dataSource.getConnection();
                try (Statement s = c.createStatement()) {
                    s.execute("SHUTDOWN COMPACT");
                }
                LOG.info("embedded store compacted and closed in {} ms", (System.nanoTime() - started) / 1_000_000);
            } catch (SQLException | RuntimeException e) {
                LOG.warn("embedded store not compacted at close ({}); H2 closes it with its own compaction",
                        e.getMessage());
            } finally {
                if (c != null) {
                    // Taken out of the pool, not given back: giving it back made the pool roll back and reset the
                    // connection the shutdown had closed, and H2 wrote that failure to conversations.trace.db at
                    // every stop.
                    dataSource.evictConnection(c);
                }
            }
        }
        dataSource.close();
    }
}
