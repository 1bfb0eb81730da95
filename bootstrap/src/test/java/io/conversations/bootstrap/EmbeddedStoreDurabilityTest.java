package io.conversations.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded store keeps every acknowledged write when the process is killed without warning. */
class EmbeddedStoreDurabilityTest {

    @Test
    void anAcknowledgedWriteSurvivesAKillDashNine(@TempDir Path dataDir) throws Exception {
        int port = freePort();
        Process first = startMain(dataDir, port);
        String alice;
        try {
            Api api = awaitUp(port);
            api.corp("acme", "alice");
            alice = api.token("acme", "alice");
            for (int i = 0; i < 5; i++) {
                api.call("POST", "/v1/conversation-groups", alice, "{\"groupName\":\"g" + i + "\"}").is(201);
            }
        } finally {
            first.destroyForcibly().waitFor(10, TimeUnit.SECONDS); // SIGKILL: no shutdown hook runs
        }
        Process second = startMain(dataDir, port);
        try {
            Api api = awaitUp(port);
            List<String> names = api.call("GET", "/v1/conversation-groups", alice, null).is(200).json()
                    .getJsonArray("groupList").stream().map(v -> v.asJsonObject().getString("groupName")).toList();
            assertEquals(List.of("g0", "g1", "g2", "g3", "g4"), names);
        } finally {
            second.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static Process startMain(Path dataDir, int port) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "--conversations-host=127.0.0.1", "--conversations-port=" + port,
                "--conversations-data-dir=" + dataDir, "--conversations-admin-key=" + Api.ADMIN_KEY,
                "--conversations-token-secret=" + Api.TOKEN_SECRET)
                .redirectErrorStream(true).redirectOutput(dataDir.resolve("service.log").toFile()).start();
    }

    private static Api awaitUp(int port) throws InterruptedException {
        Api api = new Api(port);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            try {
                if (api.call("GET", "/health", null, null).status() == 200) {
                    return api;
                }
            } catch (IllegalStateException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        assertTrue(false, "the service did not answer within 60 s");
        return api;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
