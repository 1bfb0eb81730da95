package io.conversations.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The web SDK's own suite ({@code web/}: {@code npm test}: the build check, the type test against the vendors'
 * declarations, the SDK against this service, and the browser tests in Chromium), run against a service started
 * here on the embedded store, so that the one test command runs it too. Without Node.js it is skipped with a
 * message, except under {@code CI=true}, where that is a failure (as is a missing Chromium, in the suite itself).
 */
class WebSdkTest {
    private static final Path WEB = Path.of("..", "web").toAbsolutePath().normalize();
    private static final Path LOG = WEB.resolve("test-output/npm-test.log");

    @TempDir
    Path dataDir;

    @Test
    void theSdkSuitePassesAgainstTheService() throws Exception {
        if (!commandWorks(List.of("node", "--version")) || !commandWorks(List.of("npm", "--version"))) {
            Missing.skipOrFail("Node.js and npm are needed for the web SDK's tests (web/); they are not on the PATH");
        }
        installWhenNeeded();
        int pagePort;
        try (ServerSocket socket = new ServerSocket(0)) {
            pagePort = socket.getLocalPort();
        }
        String pageOrigin = "http://127.0.0.1:" + pagePort;
        Config config = Api.config(dataDir, Map.of("CONVERSATIONS_CORS_ORIGINS", pageOrigin,
                "CONVERSATIONS_SSE_HEARTBEAT_MS", "1000"));
        try (Wiring service = Wiring.start(config)) {
            Files.createDirectories(LOG.getParent());
            ProcessBuilder npm = new ProcessBuilder("npm", "test").directory(WEB.toFile())
                    .redirectErrorStream(true).redirectOutput(LOG.toFile());
            npm.environment().put("CONVERSATIONS_URL", "http://127.0.0.1:" + service.port());
            npm.environment().put("CONVERSATIONS_ADMIN_KEY", Api.ADMIN_KEY);
            npm.environment().put("CONVERSATIONS_TEST_PAGE_ORIGIN", pageOrigin);
            Process process = npm.start();
            if (!process.waitFor(15, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("npm test in web/ did not finish within 15 minutes");
            }
            List<String> output = Files.readAllLines(LOG);
            // The runner's summary (and the figures the tests print) in the build's own output; all of it in the log.
            output.stream().filter(line -> line.startsWith("ℹ") || line.startsWith("# ") || line.startsWith("✔")
                    || line.startsWith("✖") || line.startsWith("﹣")).forEach(System.out::println);
            if (process.exitValue() != 0) {
                output.stream().skip(Math.max(0, output.size() - 150)).forEach(System.out::println);
            }
            assertEquals(0, process.exitValue(), "npm test in web/ failed; its output is above and in " + LOG);
        }
    }

    /** {@code npm ci} when web/node_modules is missing or older than the lock file. */
    private static void installWhenNeeded() throws IOException, InterruptedException {
        Path installed = WEB.resolve("node_modules/.package-lock.json");
        Path lock = WEB.resolve("package-lock.json");
        if (Files.exists(installed) && Files.getLastModifiedTime(installed).compareTo(Files.getLastModifiedTime(lock)) >= 0) {
            return;
        }
        Path log = WEB.resolve("test-output/npm-ci.log");
        Files.createDirectories(log.getParent());
        Process ci = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund").directory(WEB.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertTrue(ci.waitFor(10, TimeUnit.MINUTES), "npm ci in web/ did not finish within 10 minutes");
        assertEquals(0, ci.exitValue(), "npm ci in web/ failed:\n" + Files.readString(log));
    }

    private static boolean commandWorks(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
