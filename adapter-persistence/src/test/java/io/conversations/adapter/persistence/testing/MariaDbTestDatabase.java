package io.conversations.adapter.persistence.testing;

import io.conversations.adapter.persistence.StoreSettings;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A fresh MariaDB database for one test class, dropped afterwards. The server is
 * {@code CONVERSATIONS_TEST_MARIADB} (default {@code 127.0.0.1:3306}, user root, no password).
 * Unreachable: the test fails when {@code CI=true}, and is skipped with a message elsewhere.
 */
public final class MariaDbTestDatabase implements AutoCloseable {
    private final String server;
    private final String name;

    private MariaDbTestDatabase(String server, String name) {
        this.server = server;
        this.name = name;
    }

    public static MariaDbTestDatabase create() {
        String server = System.getenv().getOrDefault("CONVERSATIONS_TEST_MARIADB", "127.0.0.1:3306");
        String name = "conv_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection("jdbc:mariadb://" + server + "/", user(), password());
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_nopad_bin");
        } catch (SQLException e) {
            String message = "MariaDB at " + server + " is not reachable (" + e.getMessage() + ")";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail(message + "; CI=true requires it");
            }
            Assumptions.abort(message + "; skipping the MariaDB tests (set CI=true to make this a failure)");
        }
        return new MariaDbTestDatabase(server, name);
    }

    public String url() {
        return "jdbc:mariadb://" + server + "/" + name;
    }

    public static String user() {
        return System.getenv().getOrDefault("CONVERSATIONS_TEST_MARIADB_USER", "root");
    }

    public static String password() {
        return System.getenv().getOrDefault("CONVERSATIONS_TEST_MARIADB_PASSWORD", "");
    }

    public StoreSettings settings() {
        return StoreSettings.mariaDb(url(), user(), password());
    }

    @Override
    public void close() {
        try (Connection c = DriverManager.getConnection("jdbc:mariadb://" + server + "/", user(), password());
             Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not drop test database " + name, e);
        }
    }
}
