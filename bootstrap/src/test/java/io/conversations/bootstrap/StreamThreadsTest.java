package io.conversations.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Open event streams hold no thread each: on Java 17 a bounded pool writes them, on Java 21+ virtual threads. */
class StreamThreadsTest {
    @TempDir
    Path dataDir;

    private static long streamWriterThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("event-stream-") && t.isAlive()).count();
    }

    @Test
    void fiveHundredOpenStreamsAreWrittenByAtMostTheWritersPoolAndEachGetsItsEvent() throws Exception {
        int users = 100;
        int perUser = 5;
        try (Wiring service = Wiring.start(Api.config(dataDir, Map.of("CONVERSATIONS_SSE_HEARTBEAT_MS", "200")))) {
            Api api = new Api(service.port());
            String[] names = new String[users];
            for (int i = 0; i < users; i++) {
                names[i] = "u" + i;
            }
            api.corp("threads", names);
            api.groupChat("threads", "all", names[0], names);
            List<SseClient> clients = new ArrayList<>();
            try {
                for (String user : names) {
                    String token = api.token("threads", user);
                    long last = api.call("GET", "/v1/events?after=0", token, null).is(200).json().getJsonNumber("last")
                            .longValue();
                    for (int i = 0; i < perUser; i++) {
                        clients.add(SseClient.connect(service.port(), token, String.valueOf(last), ""));
                    }
                }
                Thread.sleep(1_000); // a few heartbeats for every stream: 2,500 writes
                api.call("POST", "/v1/chats/all/messages", api.token("threads", names[1]),
                        "{\"type\":\"text\",\"text\":\"to everyone\"}").is(201);
                for (SseClient client : clients) {
                    assertEquals(1, client.await(1, Duration.ofSeconds(10)).size());
                    assertTrue(client.heartbeats() >= 2, "an idle stream beats: " + client.heartbeats());
                }
                long writers = streamWriterThreads();
                // The old design had one writer thread a stream (500 here); now at most the pool's 128 (0 on virtual threads).
                assertTrue(writers <= 128, writers + " writer threads for " + clients.size() + " streams");
            } finally {
                clients.forEach(SseClient::kill);
            }
        }
    }

    /** The newest JDK on this machine if it is 21 or later (virtual threads), else none. */
    private static Optional<Path> newestJdk() throws IOException {
        Path jvms = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) {
            return Optional.empty();
        }
        try (Stream<Path> dirs = Files.list(jvms)) {
            return dirs.map(d -> d.resolve("bin/java")).filter(Files::isExecutable)
                    .filter(binary -> feature(binary) >= 21).max(Comparator.comparingInt(StreamThreadsTest::feature));
        }
    }

    private static int feature(Path binary) {
        try {
            Process p = new ProcessBuilder(binary.toString(), "-version").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            p.waitFor();
            Matcher m = Pattern.compile("version \"(\\d+)").matcher(out);
            return m.find() ? Integer.parseInt(m.group(1)) : 0;
        } catch (IOException | InterruptedException e) {
            return 0;
        }
    }

    @Test
    void onTheNewestJdkHereTheServiceRunsOnVirtualThreadsAndStreams() throws Exception {
        Optional<Path> jdk = newestJdk();
        Assumptions.assumeTrue(jdk.isPresent(), "no JDK 21 or later under /usr/lib/jvm: virtual threads not tried");
        Path log = dataDir.resolve("service.log");
        try (ServiceProcess service = ServiceProcess.start(jdk.get().toString(), dataDir, log)) {
            Api api = service.awaitUp();
            api.corp("vt", "alice", "bob");
            api.groupChat("vt", "room", "alice", "alice", "bob");
            String alice = api.token("vt", "alice");
            long last = api.call("GET", "/v1/events?after=0", alice, null).is(200).json().getJsonNumber("last").longValue();
            try (SseClient stream = SseClient.connect(service.port, alice, String.valueOf(last), "")) {
                api.call("POST", "/v1/chats/room/messages", api.token("vt", "bob"), "{\"type\":\"text\",\"text\":\"hi\"}")
                        .is(201);
                assertEquals(last + 1, stream.await(1, Duration.ofSeconds(10)).get(0).id());
            }
            assertEquals(0, service.terminate());
        }
        String text = Files.readString(log);
        assertTrue(text.contains("requests and event streams run on virtual threads (Java " + feature(jdk.get()) + ")"),
                text);
    }
}
