package io.conversations.adapter.persistence.testing;

import io.conversations.adapter.persistence.StoreSettings;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A fresh MariaDB database for one test class, dropped afterwards. The server is
 * {@code CONVERSATIONS_TEST_MARIADB} (default {@code 127.0.0.1:3306}, user root, no password).
 * Unreachable: the test fails when {@code CI=true}, and is skipped with a message elsewhere.
 */
public final class MariaDbTestDatabase implements AutoCloseable {
    private static volatile String unreachable;
    private final String server;
    private final String name;

    private MariaDbTestDatabase(String server, String name) {
        this.server = server;
        this.name = name;
    }

    /** A database for a test that runs by itself: unreachable, it fails under CI and is skipped elsewhere. */
    public static MariaDbTestDatabase create() {
        return createForClass().orElseGet(() -> {
            Assumptions.abort(unreachable().orElseThrow() + "; skipping (set CI=true to make this a failure)");
            return null;
        });
    }

    /**
     * A database for a whole test class, made before its tests: empty when MariaDB cannot be reached outside CI,
     * so that the class's tests are each reported as skipped ({@link SkipWithoutMariaDb}) rather than as none
     * run; under {@code CI=true} an unreachable MariaDB fails.
     */
    public static Optional<MariaDbTestDatabase> createForClass() {
        String server = server();
        String name = "conv_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection("jdbc:mariadb://" + server + "/", user(), password());
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_nopad_bin");
        } catch (SQLException e) {
            String message = "MariaDB at " + server + " is not reachable (" + e.getMessage() + ")";
            unreachable = message;
            if (ci()) {
                Assertions.fail(message + "; CI=true requires it");
            }
            return Optional.empty();
        }
        return Optional.of(new MariaDbTestDatabase(server, name));
    }

    /** Why MariaDB could not be reached, once a test class found it so. */
    public static Optional<String> unreachable() {
        return Optional.ofNullable(unreachable);
    }

    static boolean ci() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    private static String server() {
        return System.getenv().getOrDefault("CONVERSATIONS_TEST_MARIADB", "127.0.0.1:3306");
    }

    /** The database's name on the server. */
    public String name() {
        return name;
    }

    /** The test server's host:port. */
    public static String serverAddress() {
        return server();
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
