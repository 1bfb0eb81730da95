package io.conversations.adapter.persistence;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the database answers, known without waiting: while it does not, a transaction is refused at once
 * (503) instead of waiting for the pool's 10 s, and the health check answers at once. A probe connects on its
 * own (not through the pool, whose wait is what is avoided) every {@value #PROBE_MILLIS} ms with 1 s
 * time-outs; a request that meets a dead connection marks the store down at once, and the probe sees it come
 * back. The embedded store is down when its file fails (a full disk): its probe opens the file again.
 */
final class StoreState implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StoreState.class);
    static final long PROBE_MILLIS = 500;
    private volatile boolean down;
    private volatile String why = "";
    private final Thread probe;
    private volatile boolean closed;

    private StoreState(Thread probe) {
        this.probe = probe;
    }

    /** A state nothing probes: once marked down it stays down (tests of what a transaction does meanwhile). */
    static StoreState withoutProbe() {
        return new StoreState(null);
    }

    /**
     * The embedded store: it is marked down when its file fails (a full disk makes H2 close the database), and
     * while it is, a probe every {@value #PROBE_MILLIS} ms drops the pool's dead connections ({@code evict}) and
     * writes one row through {@code dataSource} (H2 opens the file again when it can), marking it up once that
     * write commits.
     */
    static StoreState embedded(javax.sql.DataSource dataSource, Runnable evict) {
        StoreState[] state = new StoreState[1];
        Thread thread = new Thread(() -> state[0].reopenWhileDown(dataSource, evict), "store-probe");
        thread.setDaemon(true);
        state[0] = new StoreState(thread);
        thread.start();
        return state[0];
    }

    private void reopenWhileDown(javax.sql.DataSource dataSource, Runnable evict) {
        while (!closed) {
            if (down) {
                evict.run();
                try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                    // A write, not a read: H2 reopens the file and reads it while the disk is still full.
                    c.setAutoCommit(true);
                    s.executeUpdate("UPDATE store_probe SET probed_at = " + System.currentTimeMillis() + " WHERE id = 1");
                    s.execute("CHECKPOINT"); // into the file now, not with H2's next background write (GroupCommit)
                    markUp();
                } catch (SQLException | RuntimeException e) {
                    why = Store.rootMessage(e);
                }
            }
            try {
                Thread.sleep(PROBE_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /**
     * Probes the MariaDB {@code url} names ({@code url} as the service was given it, with the store's connection
     * {@code options}). With a {@code nodeQuery} (a Galera cluster) the probe also asks which node it reached, and
     * tells {@code nodeChanged} when that is no longer the node it reached before: the node the URL's order picks now.
     */
    static StoreState probing(String url, String user, String password, Map<String, String> options,
                              Optional<String> nodeQuery, Consumer<String> nodeChanged) {
        StoreState[] state = new StoreState[1];
        Thread thread = new Thread(() -> state[0].run(url, user, password, options, nodeQuery, nodeChanged),
                "store-probe");
        thread.setDaemon(true);
        state[0] = new StoreState(thread);
        thread.start();
        return state[0];
    }

    boolean isDown() {
        return down;
    }

    String why() {
        return why;
    }

    void markDown(String reason) {
        if (!down) {
            why = reason;
            down = true;
            LOG.warn("the store does not answer: {}; refusing requests at once (503) until it does", reason);
        }
    }

    private void markUp() {
        if (down) {
            down = false;
            LOG.info("the store answers again");
        }
    }

    private void run(String url, String user, String password, Map<String, String> options,
                     Optional<String> nodeQuery, Consumer<String> nodeChanged) {
        Properties properties = new Properties();
        properties.putAll(options);
        String node = null;
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        properties.setProperty("connectTimeout", "1000");
        properties.setProperty("socketTimeout", "1000");
        while (!closed) {
            try (Connection c = DriverManager.getConnection(url, properties); Statement s = c.createStatement()) {
                s.execute("SELECT 1"); // on a Galera node that is not ready: error 1047, SQLSTATE 08S01
                markUp();
                if (nodeQuery.isPresent()) {
                    try (ResultSet rs = s.executeQuery(nodeQuery.get())) {
                        String reached = rs.next() ? rs.getString(1) : null;
                        if (node != null && reached != null && !reached.equals(node)) {
                            nodeChanged.accept(reached);
                        }
                        node = reached == null ? node : reached;
                    }
                }
            } catch (SQLException e) {
                if (!closed && Store.isUnreachable(e)) {
                    markDown(Store.rootMessage(e));
                }
            }
            try {
                Thread.sleep(PROBE_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        if (probe != null) {
            probe.interrupt();
        }
    }
}
