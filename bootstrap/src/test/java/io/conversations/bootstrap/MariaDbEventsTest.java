package io.conversations.bootstrap;

import io.conversations.adapter.persistence.testing.MariaDbTestDatabase;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The events, end to end, on MariaDB, in a database of its own. */
class MariaDbEventsTest extends EventsContract {
    @TempDir
    static Path dataDir;
    private static MariaDbTestDatabase database;

    @BeforeAll
    static void createDatabase() {
        database = MariaDbTestDatabase.create();
    }

    @AfterAll
    static void dropDatabase() {
        if (database != null) {
            database.close();
        }
    }

    @Override
    protected Map<String, String> store() {
        return Map.of("CONVERSATIONS_DB_URL", database.url(),
                "CONVERSATIONS_DB_USER", MariaDbTestDatabase.user(),
                "CONVERSATIONS_DB_PASSWORD", MariaDbTestDatabase.password());
    }

    @Override
    protected Path dataDir() {
        return dataDir;
    }
}
