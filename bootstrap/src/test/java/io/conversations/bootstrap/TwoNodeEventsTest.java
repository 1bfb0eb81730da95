package io.conversations.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.conversations.bootstrap.SseClient.Frame;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two service nodes on one MariaDB, as behind a load balancer: node 1 runs in this JVM, node 2 is
 * a process of its own. A client streaming from one node receives, in order and without gaps, the
 * events of changes made through the other; it learns of them only from the shared log.
 */
class TwoNodeEventsTest {
    @TempDir
    static Path dataDir;
    @RegisterExtension
    static final MariaDb DATABASE = new MariaDb();

    @Test
    void aClientOnOneNodeReceivesEveryEventOfChangesMadeThroughTheOther() throws Exception {
        try (Wiring node1 = Wiring.start(Api.config(dataDir, DATABASE.settings()));
             ServiceProcess node2 = ServiceProcess.start(dataDir, dataDir.resolve("node2.log"),
                     DATABASE.flags().toArray(String[]::new))) {
            Api one = new Api(node1.port());
            Api two = node2.awaitUp();
            one.corp("acme", "alice", "bob", "carol", "dave");
            one.groupChat("acme", "sales", "alice", "bob", "carol", "dave");
            String alice = one.token("acme", "alice");
            long start = one.call("GET", "/v1/events", alice, null).json().getJsonNumber("last").longValue();

            int senders = 3;
            int each = 40;
            List<Frame> received;
            try (SseClient onNode1 = SseClient.connect(node1.port(), alice, Long.toString(start), "");
                 SseClient onNode2 = SseClient.connect(node2.port, alice, Long.toString(start), "")) {
                assertEquals(200, onNode1.status(), onNode1.body());
                ExecutorService pool = Executors.newFixedThreadPool(senders + 1);
                try {
                    List<Future<?>> work = new ArrayList<>();
                    for (String sender : List.of("bob", "carol", "dave")) {
                        String token = two.token("acme", sender);
                        work.add(pool.submit(() -> {
                            for (int i = 0; i < each; i++) {
                                two.call("POST", "/v1/chats/sales/messages", token,
                                        "{\"type\":\"text\",\"text\":\"" + sender + i + "\"}").is(201);
                            }
                            return null;
                        }));
                    }
                    work.add(pool.submit(() -> {
                        for (int i = 0; i < 10; i++) {
                            two.call("POST", "/v1/conversation-groups", alice, "{\"groupName\":\"n" + i + "\"}").is(201);
                        }
                        return null;
                    }));
                    for (Future<?> f : work) {
                        f.get();
                    }
                } finally {
                    pool.shutdownNow();
                }
                int total = senders * each + 10;
                received = onNode1.await(total, Duration.ofSeconds(30));
                List<Long> expected = LongStream.rangeClosed(start + 1, start + total).boxed().toList();
                assertEquals(expected, received.stream().map(Frame::id).toList(), "in order, without gaps");
                assertEquals(List.of(), onNode1.drain(Duration.ofMillis(500)), "and nothing twice");
                assertEquals(expected, onNode2.await(total, Duration.ofSeconds(30)).stream().map(Frame::id).toList(),
                        "the node that wrote them delivers the same");
                List<Object> logged = one.call("GET", "/v1/events?after=" + start, alice, null).json()
                        .getJsonArray("events").stream().map(e -> (Object) e.asJsonObject().get("data")).toList();
                assertEquals(logged, received.stream().map(f -> (Object) f.json()).toList());
            }
            // And the other way round: a change through node 1 reaches a client of node 2.
            try (SseClient onNode2 = SseClient.connect(node2.port, alice, Long.toString(received.get(received.size() - 1)
                    .id()), "")) {
                one.call("PUT", "/v1/conversations/GROUPsales/pin", alice, "{\"isPinned\":true}").is(200);
                assertEquals("CONVERSATION_LIST_UPDATED", onNode2.await(1, Duration.ofSeconds(30)).get(0).event());
            }
        }
    }

    /**
     * Each node keeps rendered first pages. A change through one node shows on that node at once (the
     * writer reads its write) and on the other within the event delay, never later: each node learns of
     * the other's commits from the shared log.
     */
    @Test
    void aListKeptByEitherNodeShowsAChangeMadeThroughTheOther() throws Exception {
        try (Wiring node1 = Wiring.start(Api.config(dataDir, DATABASE.settings()));
             ServiceProcess node2 = ServiceProcess.start(dataDir, dataDir.resolve("node2-list.log"),
                     DATABASE.flags().toArray(String[]::new))) {
            Api one = new Api(node1.port());
            Api two = node2.awaitUp();
            one.corp("globex", "erin", "frank");
            one.groupChat("globex", "ops", "erin", "frank");
            one.groupChat("globex", "dev", "erin", "frank");
            String erin = one.token("globex", "erin");
            for (int round = 0; round < 20; round++) {
                Api writer = round % 2 == 0 ? one : two;
                Api reader = round % 2 == 0 ? two : one;
                String pin = round % 2 == 0 ? "ops" : "dev"; // every round moves the other one to the top
                String expectedFirst = "GROUP" + pin;
                // Both nodes render and keep the page as it is now.
                writer.call("GET", "/v1/conversations?count=10", erin, null).is(200);
                reader.call("GET", "/v1/conversations?count=10", erin, null).is(200);
                writer.call("PUT", "/v1/conversations/" + expectedFirst + "/pin", erin, "{\"isPinned\":true}").is(200);
                String other = expectedFirst.equals("GROUPops") ? "GROUPdev" : "GROUPops";
                writer.call("PUT", "/v1/conversations/" + other + "/pin", erin, "{\"isPinned\":false}").is(200);
                assertEquals(expectedFirst, firstId(writer, erin), "the writing node, at once (round " + round + ")");
                long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
                while (!firstId(reader, erin).equals(expectedFirst) && System.nanoTime() < deadline) {
                    Thread.sleep(10);
                }
                assertEquals(expectedFirst, firstId(reader, erin), "the other node, within the event delay");
            }
        }
    }

    /**
     * A big chat's messages through one node reach a member streaming from the other (their events recorded by that
     * node at the end of a round of its feed), in order and without gaps, the last showing the newest message; and
     * the member's first page kept by the streaming node shows each message within the event delay.
     */
    @Test
    void aBigChatsMessagesThroughOneNodeReachAMemberOfTheOther() throws Exception {
        java.util.Map<String, String> settings = new java.util.HashMap<>(DATABASE.settings());
        settings.put("CONVERSATIONS_BIG_CHAT_MEMBERS", "3");
        List<String> flags = new ArrayList<>(DATABASE.flags());
        flags.add("--conversations-big-chat-members=3");
        try (Wiring node1 = Wiring.start(Api.config(dataDir, settings));
             ServiceProcess node2 = ServiceProcess.start(dataDir, dataDir.resolve("node2-big.log"),
                     flags.toArray(String[]::new))) {
            Api one = new Api(node1.port());
            Api two = node2.awaitUp();
            one.corp("initech", "peter", "bill", "joanna", "lumbergh");
            one.groupChat("initech", "all", "bill", "peter", "joanna", "lumbergh");
            String peter = one.token("initech", "peter");
            try (SseClient onNode1 = SseClient.connect(node1.port(), peter, "0", "")) {
                assertEquals(200, onNode1.status(), onNode1.body());
                String newest = "";
                for (int i = 0; i < 30; i++) {
                    String sender = List.of("bill", "joanna", "lumbergh").get(i % 3);
                    newest = two.call("POST", "/v1/chats/all/messages", two.token("initech", sender),
                            "{\"type\":\"text\",\"text\":\"m" + i + "\"}").is(201).json().getString("messageId");
                    if (i % 10 == 9) {
                        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
                        String shown = "";
                        while (!shown.equals("m" + i) && System.nanoTime() < deadline) {
                            shown = one.call("GET", "/v1/conversations?count=10", peter, null).json()
                                    .getJsonArray("conversationList").getJsonObject(0).getJsonObject("lastMessage")
                                    .getString("text");
                        }
                        assertEquals("m" + i, shown, "node 1's kept page shows the message sent through node 2");
                    }
                }
                List<Object> logged = one.call("GET", "/v1/events?after=0", peter, null).json().getJsonArray("events")
                        .stream().map(e -> (Object) e.asJsonObject().get("data")).toList();
                List<Frame> streamed = onNode1.await(logged.size(), Duration.ofSeconds(30));
                assertEquals(LongStream.rangeClosed(1, logged.size()).boxed().toList(),
                        streamed.stream().map(Frame::id).toList(), "in order, without gaps");
                assertEquals(logged, streamed.stream().map(f -> (Object) f.json()).toList());
                jakarta.json.JsonObject last = streamed.get(streamed.size() - 1).json().asJsonArray().getJsonObject(0);
                assertEquals(newest, last.getJsonObject("lastMessage").getString("messageId"));
                assertEquals(30, last.getInt("unreadCount"));
            }
        }
    }

    private static String firstId(Api node, String token) {
        return Api.str(node.call("GET", "/v1/conversations?count=10", token, null).json()
                .getJsonArray("conversationList").getJsonObject(0).get("conversationID"));
    }
}
