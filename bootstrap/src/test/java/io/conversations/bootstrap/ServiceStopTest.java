package io.conversations.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stopping the service while event streams are open and busy ends every stream writer: none is left running
 * (once one looped for ever inside Javalin, logging a gigabyte, when Jetty stopped under it).
 */
class ServiceStopTest {
    @TempDir
    Path dataDir;

    private static Set<Thread> writers() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("event-stream-") && t.isAlive()).collect(Collectors.toSet());
    }

    /** A writer that is not waiting for events is running; after every client left, none may be. */
    private static List<String> busyWriters() {
        return Thread.getAllStackTraces().entrySet().stream()
                .filter(e -> e.getKey().getName().startsWith("event-stream-") && e.getKey().isAlive())
                .filter(e -> java.util.Arrays.stream(e.getValue()).noneMatch(f -> f.getMethodName().equals("park")
                        || f.getMethodName().startsWith("await") || f.getMethodName().equals("poll")))
                .map(e -> e.getKey().getName()).toList();
    }

    @Test
    void clientsKilledWhileTheirStreamsAreWrittenLeaveNoWriterBusy() throws Exception {
        Wiring service = Wiring.start(Api.config(dataDir, Map.of("CONVERSATIONS_SSE_HEARTBEAT_MS", "100",
                "CONVERSATIONS_MAX_STREAMS_PER_USER", "1000")));
        try {
            Api api = new Api(service.port());
            api.corp("kill", "alice", "bob");
            api.groupChat("kill", "busy", "alice", "bob");
            String alice = api.token("kill", "alice");
            String bob = api.token("kill", "bob");
            for (int round = 0; round < 40; round++) {
                List<SseClient> clients = new ArrayList<>();
                for (int i = 0; i < 5; i++) {
                    clients.add(SseClient.connect(service.port(), alice, "0", ""));
                }
                for (int i = 0; i < 3; i++) {
                    api.call("POST", "/v1/chats/busy/messages", bob, "{\"type\":\"text\",\"text\":\"m\"}").is(201);
                }
                clients.forEach(SseClient::kill);
            }
            long deadline = System.nanoTime() + 5_000_000_000L;
            List<String> busy = busyWriters();
            while (!busy.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(100);
                busy = busyWriters();
            }
            assertEquals(List.of(), busy, "writers still busy after every client went away");
        } finally {
            service.close();
        }
    }

    @Test
    void noStreamWriterOutlivesTheService() throws Exception {
        Set<Thread> before = writers();
        List<SseClient> clients = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            Wiring service = Wiring.start(Api.config(dataDir, Map.of("CONVERSATIONS_SSE_HEARTBEAT_MS", "100")));
            Api api = new Api(service.port());
            String corp = "stop" + round;
            api.corp(corp, "alice", "bob");
            api.groupChat(corp, "busy", "alice", "bob");
            String alice = api.token(corp, "alice");
            String bob = api.token(corp, "bob");
            for (int i = 0; i < 4; i++) {
                clients.add(SseClient.connect(service.port(), i % 2 == 0 ? alice : bob, "0", ""));
            }
            for (int i = 0; i < 20; i++) {
                api.call("POST", "/v1/chats/busy/messages", i % 2 == 0 ? alice : bob,
                        "{\"type\":\"text\",\"text\":\"m" + i + "\"}").is(201);
            }
            service.close(); // streams still open and being written
        }
        long deadline = System.nanoTime() + 10_000_000_000L;
        Set<Thread> left = writers();
        left.removeAll(before);
        while (!left.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
            left.removeIf(t -> !t.isAlive());
        }
        clients.forEach(SseClient::close);
        assertEquals(Set.of(), left.stream().map(Thread::getName).collect(Collectors.toSet()),
                "stream writers still running after the service stopped");
    }
}
