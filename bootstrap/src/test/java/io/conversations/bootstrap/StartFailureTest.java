package io.conversations.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.conversations.adapter.persistence.StoreSettings;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A start that cannot go on says why in one line, having written nothing: a database that does not answer (after
 * waiting), a port in use (at once). {@code --help} and {@code --version} answer without starting.
 */
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

    @Test
    void aPortInUseIsReportedInOneLineWithExit2BeforeTheStoreOpensOrAKeyIsWritten() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            Path data = dataDir.resolve("data");
            Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                    "--conversations-port=" + taken.getLocalPort(), "--conversations-data-dir=" + data)
                    .redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(process.waitFor(30, TimeUnit.SECONDS));
            assertEquals(2, process.exitValue(), output);
            // Before: a 40-line stack trace, after the store had opened and both key files were written.
            assertEquals(1, output.strip().lines().count(), output);
            assertTrue(output.startsWith("conversations: cannot listen on ") && output.contains(":" + taken.getLocalPort()),
                    output);
            assertTrue(!Files.exists(data), "nothing written: " + output);
        }
    }

    @Test
    void helpListsEverySettingWithItsDefaultAndVersionNamesTheBuild() throws Exception {
        String help = run("--help");
        for (Config.Setting setting : Config.SETTINGS) {
            assertTrue(help.contains(setting.flag() + " "), setting.name());
            assertTrue(help.contains("default: " + setting.byDefault()), setting.name());
        }
        // Every name Config reads is in the table: an unlisted one would be refused as a flag.
        for (String name : Config.NAMES) {
            Config.from(Map.of(), new String[] {"--" + name.toLowerCase(java.util.Locale.ROOT).replace('_', '-')
                    + "=" + Config.SETTINGS.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow()
                    .byDefault().replace("(none)", "").replaceAll("^\\(.*\\)$", "")});
        }
        String version = run("--version").strip();
        assertTrue(version.matches("conversations \\S+ \\(commit [0-9a-f]{7,}.*\\)|conversations unknown.*"), version);
    }

    private static String run(String flag) throws Exception {
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), flag).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), output);
        return output;
    }
}
