package io.conversations.bootstrap;

import io.conversations.adapter.persistence.testing.MariaDbTestDatabase;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** A test class's own MariaDB database, created before its tests and dropped after them. */
final class MariaDb implements BeforeAllCallback, AfterAllCallback {
    private MariaDbTestDatabase database;

    @Override
    public void beforeAll(ExtensionContext context) {
        database = MariaDbTestDatabase.create();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (database != null) {
            database.close();
        }
    }

    /** The service's settings for this database, as environment variables. */
    Map<String, String> settings() {
        return Map.of("CONVERSATIONS_DB_URL", database.url(),
                "CONVERSATIONS_DB_USER", MariaDbTestDatabase.user(),
                "CONVERSATIONS_DB_PASSWORD", MariaDbTestDatabase.password());
    }

    /** The same settings as command-line flags. */
    List<String> flags() {
        return settings().entrySet().stream()
                .map(e -> "--" + e.getKey().toLowerCase().replace('_', '-') + "=" + e.getValue()).toList();
    }
}
