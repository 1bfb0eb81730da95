package io.conversations.bootstrap;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.conversations.adapter.persistence.StoreSettings;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A database that answers but does not exist is not waited for: waiting cannot mend it. */
class MissingDatabaseTest {
    @RegisterExtension
    static final MariaDb DATABASE = new MariaDb();
    @TempDir
    Path dataDir;

    @Test
    void aMissingDatabaseIsReportedAtOnceInOneLine() {
        String url = DATABASE.settings().get("CONVERSATIONS_DB_URL");
        String missing = url.substring(0, url.lastIndexOf('/') + 1) + "conv_no_such_database";
        long started = System.nanoTime();
        Wiring.StartFailure failure = assertThrows(Wiring.StartFailure.class, () -> Wiring.openWaiting(
                new StoreSettings(Optional.of(missing), DATABASE.settings().get("CONVERSATIONS_DB_USER"),
                        DATABASE.settings().get("CONVERSATIONS_DB_PASSWORD"), dataDir, 2), 30));
        assertTrue((System.nanoTime() - started) / 1_000_000 < 5_000, "no waiting for a database that is missing");
        assertTrue(failure.getMessage().startsWith("the store cannot be opened: "), failure.getMessage());
        assertTrue(failure.getMessage().contains("conv_no_such_database"), failure.getMessage());
        assertTrue(!failure.getMessage().contains("\n"), "one line");
    }
}
