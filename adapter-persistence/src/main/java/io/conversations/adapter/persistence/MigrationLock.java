package io.conversations.adapter.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One service node migrates the schema at a time, across a whole Galera cluster: Flyway's own lock
 * ({@code GET_LOCK}) holds on one server only, and each Galera node has its own, so nodes starting together
 * through different database nodes migrated at once (a duplicate history row, a deadlock, one of them exiting).
 * The lock is a row: its insert commits on one node only (a second insert of the same key fails there, or fails
 * certification against the first), and it is held as long as its holder renews it; a holder that died is
 * taken over once its row is {@value #STALE_SECONDS} s old. The others wait, then find nothing left to migrate.
 */
final class MigrationLock implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MigrationLock.class);
    static final int STALE_SECONDS = 30;
    private static final long RENEW_MILLIS = 5_000;
    private static final long WAIT_LIMIT_MILLIS = TimeUnit.MINUTES.toMillis(10);

    private final DataSource dataSource;
    private final String holder;
    private final Thread renewer;

    private MigrationLock(DataSource dataSource, String holder) {
        this.dataSource = dataSource;
        this.holder = holder;
        this.renewer = new Thread(this::renew, "migration-lock");
        this.renewer.setDaemon(true);
        this.renewer.start();
    }

    /** Runs {@code migrate} holding the lock; waits while another node holds it. */
    static <T> T holding(DataSource dataSource, String holder, Supplier<T> migrate) {
        try (MigrationLock ignored = take(dataSource, holder)) {
            return migrate.get();
        }
    }

    /** Whether the lock's table is the only table of the connection's database (a database no node migrated yet). */
    static boolean onlyTableIn(DataSource dataSource) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT LOWER(table_name) FROM information_schema.tables "
                     + "WHERE table_schema = DATABASE()")) {
            boolean lockTable = false;
            while (rs.next()) {
                if (!rs.getString(1).equals("schema_migration_lock")) {
                    return false;
                }
                lockTable = true;
            }
            return lockTable;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot list the database's tables: " + e.getMessage(), e);
        }
    }

    /** Names this process in the lock row, for the log of a node that waits: host and pid. */
    static String thisProcess() {
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            host = "unknown host";
        }
        return host + " pid " + ProcessHandle.current().pid();
    }

    private static MigrationLock take(DataSource dataSource, String holder) {
        long deadline = System.currentTimeMillis() + WAIT_LIMIT_MILLIS;
        String waitingFor = null;
        while (true) {
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(true);
                try (Statement s = c.createStatement()) {
                    s.execute("CREATE TABLE IF NOT EXISTS schema_migration_lock (id INT NOT NULL PRIMARY KEY, "
                            + "holder VARCHAR(200) NOT NULL, renewed_at BIGINT NOT NULL)");
                }
                if (insert(c, holder)) {
                    return new MigrationLock(dataSource, holder);
                }
                Optional<Held> held = held(c);
                if (held.isPresent() && held.get().ageMillis() > TimeUnit.SECONDS.toMillis(STALE_SECONDS)) {
                    LOG.warn("schema migration lock of {} not renewed for {} s: taken over", held.get().holder(),
                            held.get().ageMillis() / 1000);
                    try (PreparedStatement ps = c.prepareStatement(
                            "DELETE FROM schema_migration_lock WHERE id = 1 AND renewed_at = ?")) {
                        ps.setLong(1, held.get().renewedAt());
                        ps.executeUpdate();
                    }
                    continue;
                }
                if (held.isPresent() && !held.get().holder().equals(waitingFor)) {
                    waitingFor = held.get().holder();
                    LOG.info("waiting for {} to bring the schema up to date", waitingFor);
                }
            } catch (SQLException e) {
                if (!isConflict(e)) {
                    throw new IllegalStateException("cannot take the schema migration lock: " + e.getMessage(), e);
                }
            }
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("the schema migration lock is still held by " + waitingFor
                        + " after " + WAIT_LIMIT_MILLIS / 60_000 + " minutes");
            }
            sleep(200 + ThreadLocalRandom.current().nextLong(200));
        }
    }

    /** Whether the row went in: false when another holder's row is there (a duplicate key, or a conflict). */
    private static boolean insert(Connection c, String holder) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO schema_migration_lock (id, holder, renewed_at) VALUES (1, ?, ?)")) {
            ps.setString(1, holder);
            ps.setLong(2, System.currentTimeMillis());
            ps.executeUpdate();
            return true;
        } catch (SQLException e) {
            if (isConflict(e)) {
                return false;
            }
            throw e;
        }
    }

    private record Held(String holder, long renewedAt) {
        long ageMillis() {
            return System.currentTimeMillis() - renewedAt;
        }
    }

    private static Optional<Held> held(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT holder, renewed_at FROM schema_migration_lock WHERE id = 1")) {
            return rs.next() ? Optional.of(new Held(rs.getString(1), rs.getLong(2))) : Optional.empty();
        }
    }

    /** A duplicate key (SQLSTATE 23xxx, 1062: the row is another's) or a transaction aborted by a conflict. */
    private static boolean isConflict(SQLException e) {
        String state = e.getSQLState();
        return state != null && state.startsWith("23") || e.getErrorCode() == 1062
                || JdbcTransactions.isConflictAbort(e);
    }

    private void renew() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                Thread.sleep(RENEW_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
            try (Connection c = dataSource.getConnection();
                 PreparedStatement ps = c.prepareStatement(
                         "UPDATE schema_migration_lock SET renewed_at = ? WHERE id = 1 AND holder = ?")) {
                c.setAutoCommit(true);
                ps.setLong(1, System.currentTimeMillis());
                ps.setString(2, holder);
                ps.executeUpdate();
            } catch (SQLException e) {
                LOG.warn("schema migration lock not renewed: {}", e.getMessage());
            }
        }
    }

    @Override
    public void close() {
        renewer.interrupt();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("DELETE FROM schema_migration_lock WHERE id = 1 AND holder = ?")) {
            c.setAutoCommit(true);
            ps.setString(1, holder);
            ps.executeUpdate();
        } catch (SQLException e) {
            LOG.warn("schema migration lock not released ({}); it is taken over after {} s", e.getMessage(),
                    STALE_SECONDS);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the schema migration lock", e);
        }
    }
}
