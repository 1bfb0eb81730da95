package io.conversations.bootstrap;

import io.conversations.adapter.persistence.testing.MariaDbTestDatabase;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The whole API on MariaDB, in a database of its own. */
class MariaDbApiTest extends ApiContract {
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
    protected Config config() {
        return baseConfig(dataDir, Map.of("CONVERSATIONS_DB_URL", database.url(),
                "CONVERSATIONS_DB_USER", MariaDbTestDatabase.user(),
                "CONVERSATIONS_DB_PASSWORD", MariaDbTestDatabase.password()));
    }
}
