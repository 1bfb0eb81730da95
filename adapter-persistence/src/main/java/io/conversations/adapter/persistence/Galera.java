package io.conversations.adapter.persistence;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * What the store does differently on a MariaDB Galera cluster, learnt from the server at start
 * ({@code wsrep_on}):
 * <ul>
 *   <li>every read waits until the node has applied what the cluster committed before it
 *       ({@code wsrep_sync_wait = 1}): a client that wrote through one node and reads through another sees its
 *       write, and a transaction's locking read sees the newest row (fewer certification conflicts);</li>
 *   <li>Connector/J takes a node only while it is Synced ({@code galeraAllowedState=4}): a node that is joining
 *       or donating accepts connections but answers error 1047, and the sequential failover URL would otherwise
 *       send every service node to it the moment it listens.</li>
 * </ul>
 * On one MariaDB server none of it applies.
 */
record Galera(boolean on, int clusterSize, String nodeName) {
    static final Galera NONE = new Galera(false, 0, "");
    /** wsrep_local_state 4: Synced. */
    static final String SYNCED = "4";

    /** Asks the server the URL names whether it is a Galera node; throws what connecting threw. */
    static Galera detect(String url, String user, String password) {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        properties.setProperty("connectTimeout", "5000");
        try (Connection c = DriverManager.getConnection(url, properties); Statement s = c.createStatement()) {
            String on = value(s, "SHOW GLOBAL VARIABLES LIKE 'wsrep_on'");
            if (!"ON".equalsIgnoreCase(on)) {
                return NONE;
            }
            String size = value(s, "SHOW GLOBAL STATUS LIKE 'wsrep_cluster_size'");
            String name = value(s, "SHOW GLOBAL VARIABLES LIKE 'wsrep_node_name'");
            return new Galera(true, size == null ? 0 : Integer.parseInt(size), name == null ? "" : name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach the database at " + StoreSettings.masked(url) + ": " + e.getMessage(), e);
        }
    }

    private static String value(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(2) : null;
        }
    }

    /** Connector/J options the store adds to the URL's own (an option the URL sets is left as it is). */
    Map<String, String> connectionProperties(String url) {
        if (!on || url.contains("galeraAllowedState=")) {
            return Map.of();
        }
        return Map.of("galeraAllowedState", SYNCED);
    }

    /** What every pooled connection runs first. */
    Optional<String> sessionSettings() {
        return on ? Optional.of("SET SESSION wsrep_sync_wait = 1") : Optional.empty();
    }

    /** What the store's probe asks to learn which node the failover URL reached (nothing on one server). */
    Optional<String> nodeQuery() {
        return on ? Optional.of("SELECT @@wsrep_node_name") : Optional.empty();
    }

    String describe(String url) {
        return on ? "MariaDB Galera cluster of " + clusterSize + " nodes (first reached: " + nodeName
                + "; reads wait for the cluster's commits) at " + StoreSettings.masked(url)
                : "MariaDB at " + StoreSettings.masked(url);
    }
}
