package io.conversations.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded store on a disk that fills up, a real one (a small tmpfs): writes are answered 503, never 500;
 * /health says DOWN; nothing acknowledged is lost; and once space is freed the node serves again by itself.
 * Before, H2 closed the database, every request answered 500 while /health said UP, and only a restart helped.
 */
class EmbeddedFullDiskTest {

    @Test
    void aFullDiskIsAnswered503AndTheNodeServesAgainOnceThereIsSpace(@TempDir Path mountPoint) throws Exception {
        if (!run("mount", "-t", "tmpfs", "-o", "size=16m", "tmpfs", mountPoint.toString())) {
            Missing.skipOrFail("a small tmpfs could not be mounted (the test needs root): the full-disk test needs one");
        }
        try {
            Path dataDir = Files.createDirectories(mountPoint.resolve("data"));
            try (Wiring service = Wiring.start(Api.config(dataDir, Map.of()))) {
                Api api = new Api(service.port());
                api.corp("fd", "alice", "bob");
                api.admin("POST", "/v1/admin/corps/fd/chats",
                        "{\"type\":\"GROUP\",\"chatId\":\"ops\",\"title\":\"Ops\",\"memberIds\":[\"alice\",\"bob\"]}").is(201);
                String alice = api.token("fd", "alice");
                String text = "x".repeat(3_000);
                List<String> acknowledged = new ArrayList<>();
                for (int i = 0; i < 5; i++) {
                    acknowledged.add(api.call("POST", "/v1/chats/ops/messages", alice,
                            "{\"type\":\"text\",\"text\":\"" + text + "\"}").is(201).json().getString("messageId"));
                }

                Path filler = mountPoint.resolve("filler");
                fill(filler);
                Api.Reply refused = null;
                for (int i = 0; i < 200 && refused == null; i++) {
                    Api.Reply reply = api.call("POST", "/v1/chats/ops/messages", alice,
                            "{\"type\":\"text\",\"text\":\"" + text + "\"}");
                    if (reply.status() == 201) {
                        acknowledged.add(reply.json().getString("messageId"));
                    } else {
                        assertEquals(503, reply.status(), "a full disk is the store being unavailable: " + reply.text());
                        assertTrue(Set.of(50301, 50303).contains(reply.json().getInt("code")), reply.text());
                        refused = reply;
                    }
                }
                assertTrue(refused != null, "200 sends onto a full disk were all acknowledged");
                assertEquals(503, api.call("GET", "/health", null, null).status(), "health says DOWN");
                long asked = System.nanoTime();
                api.call("GET", "/v1/conversations", alice, null).isError(503, 50301);
                assertTrue(System.nanoTime() - asked < TimeUnit.SECONDS.toNanos(1), "refused at once while down");

                Files.delete(filler);
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
                while (api.call("GET", "/health", null, null).status() != 200) {
                    assertTrue(System.nanoTime() < deadline, "the node did not serve again within 15 s of freeing space");
                    Thread.sleep(100);
                }
                acknowledged.add(api.call("POST", "/v1/chats/ops/messages", alice,
                        "{\"type\":\"text\",\"text\":\"after\"}").is(201).json().getString("messageId"));
                List<String> stored = api.call("GET", "/v1/chats/ops/messages?count=100", alice, null).is(200).json()
                        .getJsonArray("messageList").stream().map(m -> m.asJsonObject().getString("messageId")).toList();
                assertTrue(stored.containsAll(acknowledged), "acknowledged " + acknowledged + ", stored " + stored);
            }
        } finally {
            run("umount", "-l", mountPoint.toString());
        }
    }

    /** Writes {@code file} until the filesystem has no room left. */
    private static void fill(Path file) {
        byte[] block = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(file)) {
            while (true) {
                out.write(block);
            }
        } catch (IOException full) {
            // No space left on device: the point.
        }
    }

    private static boolean run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getInputStream().readAllBytes();
        return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
    }
}
