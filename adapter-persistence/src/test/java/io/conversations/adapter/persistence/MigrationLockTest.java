package io.conversations.adapter.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.conversations.adapter.persistence.testing.MariaDbTestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Service nodes that start together on a fresh MariaDB database migrate it once: one holds the lock row, the others
 * wait and find nothing left to do; a holder that died is taken over. (On a Galera cluster, where Flyway's own
 * lock holds on one node only, galera/kill_a_node.py starts three nodes through three database nodes.)
 */
class MigrationLockTest {
    @Test
    void fourStoresOpeningAtOnceMigrateTheSchemaOnce() throws Exception {
        try (MariaDbTestDatabase database = MariaDbTestDatabase.create()) {
            ExecutorService pool = Executors.newFixedThreadPool(4);
            CyclicBarrier together = new CyclicBarrier(4);
            List<Future<Store>> opening = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                opening.add(pool.submit(() -> {
                    together.await();
                    return Store.open(database.settings());
                }));
            }
            for (Future<Store> store : opening) {
                store.get(2, TimeUnit.MINUTES).close();
            }
            pool.shutdown();
            try (Connection c = DriverManager.getConnection(database.url(), MariaDbTestDatabase.user(),
                    MariaDbTestDatabase.password()); Statement s = c.createStatement()) {
                assertEquals(0, count(s, "SELECT COUNT(*) FROM (SELECT version FROM flyway_schema_history "
                        + "WHERE version IS NOT NULL GROUP BY version HAVING COUNT(*) > 1) twice"), "a version applied twice");
                assertEquals(0, count(s, "SELECT COUNT(*) FROM flyway_schema_history WHERE success = 0"));
                assertTrue(count(s, "SELECT COUNT(*) FROM flyway_schema_history WHERE version = '8'") == 1);
                assertEquals(0, count(s, "SELECT COUNT(*) FROM schema_migration_lock"), "the lock is given back");
            }
        }
    }

    @Test
    void aLockHeldByAStoreThatDiedIsTakenOverAndALiveOneWaitedFor() throws Exception {
        try (MariaDbTestDatabase database = MariaDbTestDatabase.create();
             Connection c = DriverManager.getConnection(database.url(), MariaDbTestDatabase.user(),
                     MariaDbTestDatabase.password()); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE schema_migration_lock (id INT NOT NULL PRIMARY KEY, holder VARCHAR(200) NOT NULL, "
                    + "renewed_at BIGINT NOT NULL)");
            long stale = System.currentTimeMillis() - (MigrationLock.STALE_SECONDS + 5) * 1000L;
            s.execute("INSERT INTO schema_migration_lock VALUES (1, 'a node that died', " + stale + ")");
            Store.open(database.settings()).close();
            assertEquals(1, count(s, "SELECT COUNT(*) FROM flyway_schema_history WHERE version = '8'"));

            s.execute("INSERT INTO schema_migration_lock VALUES (1, 'a node migrating', " + System.currentTimeMillis() + ")");
            long started = System.nanoTime();
            Thread release = new Thread(() -> {
                try (Connection other = DriverManager.getConnection(database.url(), MariaDbTestDatabase.user(),
                        MariaDbTestDatabase.password()); Statement o = other.createStatement()) {
                    Thread.sleep(1_500);
                    o.execute("DELETE FROM schema_migration_lock");
                } catch (SQLException | InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            release.start();
            Store.open(database.settings()).close();
            release.join();
            assertTrue(System.nanoTime() - started >= TimeUnit.MILLISECONDS.toNanos(1_500), "it waited for the holder");
        }
    }

    private static long count(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
