package io.conversations.bootstrap;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.conversations.adapter.persistence.StoreSettings;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A start that cannot reach its database waits, then says why in one line, having written nothing. */
class StartFailureTest {
    @TempDir
    Path dataDir;

    @Test
    void anUnreachableDatabaseIsWaitedForThenReportedInOneLineAndNoKeyFileIsWritten() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Config config = Config.from(Map.of("CONVERSATIONS_DATA_DIR", dataDir.resolve("data").toString(),
                "CONVERSATIONS_DB_URL", "jdbc:mariadb://127.0.0.1:" + closedPort + "/nothing",
                "CONVERSATIONS_DB_WAIT_SECONDS", "2"), new String[0]);
        long started = System.nanoTime();
        Wiring.StartFailure failure = assertThrows(Wiring.StartFailure.class, () -> Wiring.start(config));
        long tookMillis = (System.nanoTime() - started) / 1_000_000;
        assertTrue(failure.getMessage().startsWith("the database did not answer within 2 s"), failure.getMessage());
        assertTrue(!failure.getMessage().contains("\n"), "one line");
        assertTrue(tookMillis >= 400 && tookMillis < 10_000, "waited, but not for ever: " + tookMillis + " ms");
        assertTrue(!Files.exists(dataDir.resolve("data/admin.key")) && !Files.exists(dataDir.resolve("data/token.secret")),
                "no key file written by a start that failed");
    }
}
