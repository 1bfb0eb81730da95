package io.conversations.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.conversations.bootstrap.SseClient.Frame;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * API.md's events end to end on the real wiring: what each change records, the stream (replay,
 * live, reconnect, heartbeat, resync, limits), and the log replayed over an empty model after a
 * burst of random requests from several users at once matching what the API answers.
 */
abstract class EventsContract {
    static final int STREAMS_PER_USER = 3;
    static final int BIG_CHAT_MEMBERS = 4;
    private static final Duration WAIT = Duration.ofSeconds(20);

    protected Wiring service;
    protected Api api;
    protected String corp;

    /** The store's settings (URL and credentials for MariaDB, nothing for the embedded store). */
    protected abstract Map<String, String> store();

    protected abstract Path dataDir();

    @BeforeEach
    void startTheService() {
        Map<String, String> settings = new java.util.HashMap<>(store());
        settings.put("CONVERSATIONS_SSE_HEARTBEAT_MS", "300");
        settings.put("CONVERSATIONS_MAX_STREAMS_PER_USER", String.valueOf(STREAMS_PER_USER));
        // Chats of 4 or more members are big here: the random burst's chats (about four members each) are made
        // big, grow big and stay small, and the replays below hold for each kind.
        settings.put("CONVERSATIONS_BIG_CHAT_MEMBERS", String.valueOf(BIG_CHAT_MEMBERS));
        service = Wiring.start(Api.config(dataDir(), settings));
        api = new Api(service.port());
        corp = "corp" + UUID.randomUUID().toString().substring(0, 8);
    }

    @AfterEach
    void stopTheService() {
        if (service != null) {
            service.close();
        }
    }

    private long last(String token) {
        return api.call("GET", "/v1/events", token, null).is(200).json().getJsonNumber("last").longValue();
    }

    private JsonArray eventsAfter(String token, long after) {
        return api.call("GET", "/v1/events?after=" + after, token, null).is(200).json().getJsonArray("events");
    }

    private SseClient stream(String token, Long lastEventId) {
        SseClient client = SseClient.connect(service.port(), token, lastEventId == null ? null : lastEventId.toString(), "");
        assertEquals(200, client.status(), client.body());
        return client;
    }

    private static List<Long> ids(List<Frame> frames) {
        return frames.stream().map(Frame::id).toList();
    }

    @Test
    void hidingLeavingAndANewNickEachTellTheClientWhatItNeedsToKnow() {
        api.corp(corp, "alice", "bob");
        api.groupChat(corp, "sales", "alice", "bob");
        api.admin("POST", "/v1/admin/corps/" + corp + "/chats", "{\"type\":\"C2C\",\"memberIds\":[\"alice\",\"bob\"]}").is(201);
        String alice = api.token(corp, "alice");
        String bob = api.token(corp, "bob");
        api.call("POST", "/v1/conversation-groups", bob, "{\"groupName\":\"Work\",\"conversationIDList\":[\"GROUPsales\"]}")
                .is(201);

        long aliceAt = last(alice);
        api.call("DELETE", "/v1/conversations/GROUPsales", alice, null).is(204);
        JsonObject hidden = eventsAfter(alice, aliceAt).getJsonObject(0);
        assertEquals("CONVERSATION_LIST_UPDATED", hidden.getString("event"));
        assertTrue(hidden.getJsonArray("data").getJsonObject(0).getBoolean("isHidden"), "the client drops it from the list");
        assertTrue(api.call("GET", "/v1/conversations/GROUPsales", alice, null).json().getBoolean("isHidden"));

        long bobAt = last(bob);
        api.admin("DELETE", "/v1/admin/corps/" + corp + "/chats/sales/members/bob", null).is(204);
        JsonArray left = eventsAfter(bob, bobAt);
        assertEquals(List.of("CONVERSATION_IN_GROUP_UPDATED", "CONVERSATION_DELETED"),
                left.stream().map(e -> e.asJsonObject().getString("event")).toList());
        assertEquals(Api.value("{\"groupName\":\"Work\",\"addedConversationIDList\":[],"
                + "\"removedConversationIDList\":[\"GROUPsales\"]}"), left.getJsonObject(0).get("data"));
        assertEquals(List.of("GROUPsales"), left.getJsonObject(1).getJsonObject("data").getJsonArray("conversationIDList")
                .stream().map(Api::str).toList());

        bobAt = last(bob);
        api.admin("PUT", "/v1/admin/corps/" + corp + "/users/alice", "{\"nick\":\"Alice L\",\"avatarUrl\":\"https://a/a.png\"}")
                .is(200);
        JsonObject renamed = eventsAfter(bob, bobAt).getJsonObject(0).getJsonArray("data").getJsonObject(0);
        assertEquals("C2Calice", renamed.getString("conversationID"));
        assertEquals("Alice L", renamed.getString("title"));
        assertEquals(List.of("https://a/a.png"), renamed.getJsonArray("avatarIcons").stream().map(Api::str).toList());
    }

    @Test
    void aStreamReplaysWhatCameAfterItsLastIdThenCarriesEachChangeAsItHappens() throws Exception {
        api.corp(corp, "alice");
        api.groupChat(corp, "sales", "alice");
        String alice = api.token(corp, "alice");
        long start = last(alice);
        for (int i = 0; i < 3; i++) {
            api.call("POST", "/v1/conversation-groups", alice, "{\"groupName\":\"g" + i + "\"}").is(201);
        }
        try (SseClient client = stream(alice, start + 1)) {
            assertEquals(List.of(start + 2, start + 3), ids(client.await(2, WAIT)), "the replay: after the given id");
            api.call("PUT", "/v1/conversations/GROUPsales/pin", alice, "{\"isPinned\":true}").is(200);
            api.call("POST", "/v1/chats/sales/messages", alice, "{\"type\":\"text\",\"text\":\"hi\"}").is(201);
            List<Frame> live = client.await(2, WAIT);
            assertEquals(List.of(start + 4, start + 5), ids(live));
            JsonArray logged = eventsAfter(alice, start + 3);
            for (int i = 0; i < 2; i++) {
                assertEquals(logged.getJsonObject(i).getString("event"), live.get(i).event());
                assertEquals(logged.getJsonObject(i).get("data"), live.get(i).json(), "the stream carries what the log holds");
            }
            assertEquals("hi", live.get(1).json().asJsonArray().getJsonObject(0).getJsonObject("lastMessage")
                    .getString("text"));
        }
        try (SseClient fromQuery = SseClient.connect(service.port(), alice, null, "?after=" + (start + 4))) {
            assertEquals(List.of(start + 5), ids(fromQuery.await(1, WAIT)), "?after= works like Last-Event-ID");
        }
    }

    @Test
    void aClientKilledMidStreamGetsExactlyTheEventsItMissedWhenItReconnects() throws Exception {
        api.corp(corp, "alice", "bob");
        api.groupChat(corp, "sales", "alice", "bob");
        String alice = api.token(corp, "alice");
        String bob = api.token(corp, "bob");
        long start = last(alice);
        SseClient first = stream(alice, start);
        for (int i = 0; i < 5; i++) {
            api.call("POST", "/v1/chats/sales/messages", bob, "{\"type\":\"text\",\"text\":\"m" + i + "\"}").is(201);
        }
        List<Frame> seen = first.await(5, WAIT);
        first.kill();
        for (int i = 5; i < 25; i++) {
            api.call("POST", "/v1/chats/sales/messages", bob, "{\"type\":\"text\",\"text\":\"m" + i + "\"}").is(201);
        }
        long lastSeen = seen.get(seen.size() - 1).id();
        try (SseClient again = stream(alice, lastSeen)) {
            List<Frame> missed = again.await(20, WAIT);
            assertEquals(LongStream.rangeClosed(lastSeen + 1, lastSeen + 20).boxed().toList(), ids(missed));
            assertEquals("m24", missed.get(19).json().asJsonArray().getJsonObject(0).getJsonObject("lastMessage")
                    .getString("text"));
            assertEquals(List.of(), again.drain(Duration.ofMillis(500)), "and nothing twice");
        }
    }

    @Test
    void anIdleStreamCarriesHeartbeats() throws Exception {
        api.corp(corp, "alice");
        String alice = api.token(corp, "alice");
        try (SseClient client = stream(alice, null)) {
            Thread.sleep(1_200);
            assertTrue(client.heartbeats() >= 2, "a comment every 300 ms in this test; got " + client.heartbeats());
        }
    }

    @Test
    void aClientWhoseEventsWerePrunedIsToldToResync() throws Exception {
        api.corp(corp, "alice");
        String alice = api.token(corp, "alice");
        for (int i = 0; i < 3; i++) {
            api.call("POST", "/v1/conversation-groups", alice, "{\"groupName\":\"g" + i + "\"}").is(201);
        }
        long newest = last(alice);
        service.pruneEventsRecordedBefore(System.currentTimeMillis() + 1);
        api.call("POST", "/v1/conversation-groups", alice, "{\"groupName\":\"after\"}").is(201);

        JsonObject batch = api.call("GET", "/v1/events?after=1", alice, null).is(200).json();
        JsonObject resync = batch.getJsonArray("events").getJsonObject(0);
        assertEquals("RESYNC", resync.getString("event"));
        assertEquals(newest + 1, resync.getJsonNumber("id").longValue());
        assertEquals(newest + 1, resync.getJsonObject("data").getJsonNumber("last").longValue());
        assertEquals(1, batch.getJsonArray("events").size());
        assertEquals(0, eventsAfter(alice, newest + 1).size(), "going on after the resync id is in order");
        assertEquals("RESYNC", eventsAfter(alice, newest + 50).getJsonObject(0).getString("event"),
                "an id this log never gave");

        try (SseClient client = stream(alice, 1L)) {
            Frame told = client.await(1, WAIT).get(0);
            assertEquals("RESYNC", told.event());
            assertEquals(newest + 1, told.id());
            api.call("POST", "/v1/conversation-groups", alice, "{\"groupName\":\"later\"}").is(201);
            assertEquals(List.of(newest + 2), ids(client.await(1, WAIT)), "then live, from the resync id on");
        }
    }

    @Test
    void capsAUsersStreamsAndRefusesGarbage() throws Exception {
        api.corp(corp, "alice", "bob");
        String alice = api.token(corp, "alice");
        List<SseClient> open = new ArrayList<>();
        try {
            for (int i = 0; i < STREAMS_PER_USER; i++) {
                open.add(stream(alice, null));
            }
            SseClient refused = SseClient.connect(service.port(), alice, null, "");
            assertEquals(429, refused.status());
            assertEquals(42901, Api.parse(refused.body()).getInt("code"));
            assertEquals("5", refused.retryAfter(), "a refusal a later try may pass says when");
            open.add(stream(api.token(corp, "bob"), null)); // another user's limit is their own
            open.remove(0).kill();
            SseClient again = awaitAdmitted(alice);
            open.add(again);
        } finally {
            open.forEach(SseClient::close);
        }
        SseClient badId = SseClient.connect(service.port(), alice, "x1", "");
        assertEquals(400, badId.status());
        assertEquals(40001, Api.parse(badId.body()).getInt("code"));
        SseClient noToken = SseClient.connect(service.port(), "garbage", null, "");
        assertEquals(401, noToken.status());
        api.call("GET", "/v1/events?after=-1", alice, null).isError(400, 40001);
    }

    @Test
    void aClientThatWentAwayGivesItsSlotToTheNextAtOnceButALiveOneKeepsIt() throws Exception {
        api.corp(corp, "alice");
        String alice = api.token(corp, "alice");
        List<SseClient> open = new ArrayList<>();
        try {
            for (int i = 0; i < STREAMS_PER_USER; i++) {
                open.add(stream(alice, null));
            }
            open.remove(0).kill(); // a crash: the connection reset
            open.remove(0).leave(); // a reloaded page: the connection closed politely
            // No waiting for a heartbeat, no 429.
            for (int i = 0; i < 2; i++) {
                SseClient next = SseClient.connect(service.port(), alice, null, "");
                assertEquals(200, next.status(), "a gone client's slot is taken at once: " + next.body());
                open.add(next);
            }
            SseClient refused = SseClient.connect(service.port(), alice, null, "");
            assertEquals(429, refused.status(), "every open stream is alive: none is given up");
            for (SseClient client : open) {
                assertTrue(client.isAlive(), "a live client's stream was kept");
            }
        } finally {
            open.forEach(SseClient::close);
        }
    }

    /** A dropped stream is noticed at its next write (a heartbeat at the latest); then its slot is free. */
    private SseClient awaitAdmitted(String token) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            SseClient client = SseClient.connect(service.port(), token, null, "");
            if (client.status() == 200) {
                return client;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("a killed stream's slot was never freed");
    }

    /**
     * Small and big chats alike (the burst's chats of four or more members are big): half the users stream from
     * the start, the other half are offline and read their log afterwards; each log, applied to an empty model,
     * is what the API answers, and each stream carried its log.
     */
    @Test
    void theLogReplayedOverAnEmptyModelIsWhatTheApiAnswersAfterARandomBurst() throws Exception {
        Burst burst = new Burst(api, corp, 8, 8);
        burst.provision();
        List<SseClient> streams = new ArrayList<>();
        try {
            for (int i = 0; i < burst.users().size(); i += 2) {
                streams.add(stream(burst.token(burst.users().get(i)), 0L));
            }
            burst.run(300, 150);
            for (int i = 0; i < burst.users().size(); i++) {
                String user = burst.users().get(i);
                List<JsonObject> log = burst.log(user);
                assertEquals(LongStream.rangeClosed(1, log.size()).boxed().toList(),
                        log.stream().map(e -> e.getJsonNumber("id").longValue()).toList(), user + "'s log has no gaps");
                ReplayModel model = new ReplayModel();
                log.forEach(model::apply);
                model.assertMatches(api, burst.token(user), user);
                if (i % 2 != 0) {
                    continue; // offline: its log was read just now
                }
                List<Frame> streamed = streams.get(i / 2).await(log.size(), WAIT);
                for (int n = 0; n < log.size(); n++) {
                    assertEquals(log.get(n).getJsonNumber("id").longValue(), streamed.get(n).id());
                    assertEquals(log.get(n).get("data"), streamed.get(n).json(), user + "'s stream at " + (n + 1));
                }
            }
        } finally {
            streams.forEach(SseClient::close);
        }
        assertTrue(burst.bigChats() > 0 && burst.bigChats() < burst.chats(),
                "big and small chats both: " + burst.bigChats() + " of " + burst.chats() + " big");
        assertTrue(burst.failures() > 0 && burst.successes() > 600,
                "the burst mixes refusals with changes: " + burst.successes() + " done, " + burst.failures() + " refused");
    }

    /**
     * A member offline while many messages arrive in three big chats gets one list event when they come back (the
     * three conversations as they now are), and a client holding the list at its eventSeq reaches the server's
     * state by applying the events after it; a member who joins has nothing sent before unread; one who left
     * hears no more of the chat.
     */
    @Test
    void aMemberAwayWhileBigChatsWereBusyGetsOneEventForThemWhenBack() throws Exception {
        String[] users = {"alice", "bob", "carol", "dave", "erin"};
        api.corp(corp, users);
        for (String chat : List.of("b1", "b2", "b3")) {
            api.groupChat(corp, chat, "alice", "bob", "carol", "dave");
        }
        String alice = api.token(corp, "alice");
        String bob = api.token(corp, "bob");
        String carol = api.token(corp, "carol");
        String erin = api.token(corp, "erin");
        JsonObject page = api.call("GET", "/v1/conversations?count=100", bob, null).is(200).json();
        long eventSeq = page.getJsonNumber("eventSeq").longValue();
        ReplayModel model = ReplayModel.loaded(page.getJsonArray("conversationList").getValuesAs(JsonObject.class),
                List.of());
        api.admin("DELETE", "/v1/admin/corps/" + corp + "/chats/b3/members/carol", null).is(204);
        long carolAt = last(carol);
        for (int i = 0; i < 60; i++) {
            api.call("POST", "/v1/chats/b" + (i % 3 + 1) + "/messages", alice, "{\"type\":\"text\",\"text\":\"m" + i + "\"}")
                    .is(201);
        }
        api.admin("PUT", "/v1/admin/corps/" + corp + "/chats/b1/members/erin", null).is(204);
        JsonObject erins = api.call("GET", "/v1/conversations/GROUPb1", erin, null).is(200).json();
        assertEquals(0, erins.getInt("unreadCount"), "nothing sent before erin joined is unread to her");
        assertEquals("m57", erins.getJsonObject("lastMessage").getString("text"));

        JsonArray back = eventsAfter(bob, eventSeq);
        assertEquals(1, back.size(), "one event for 60 messages in three chats: " + back);
        assertEquals(List.of("GROUPb1", "GROUPb2", "GROUPb3"), back.getJsonObject(0).getJsonArray("data").stream()
                .map(c -> c.asJsonObject().getString("conversationID")).sorted().toList());
        back.getValuesAs(JsonObject.class).forEach(model::apply);
        model.assertMatches(api, bob, "bob");
        assertEquals(20, api.call("GET", "/v1/conversations/GROUPb1", bob, null).json().getInt("unreadCount"));
        List<String> toldCarol = eventsAfter(carol, carolAt).stream()
                .flatMap(e -> e.asJsonObject().getJsonArray("data").stream())
                .map(c -> c.asJsonObject().getString("conversationID")).sorted().toList();
        assertEquals(List.of("GROUPb1", "GROUPb2"), toldCarol, "carol left b3: nothing more of it");
    }

    @Test
    void aClientHoldingTheListAtItsEventSeqFollowsMovesRenamesAndDeletesOfAGroupOf1000() {
        long seed = System.nanoTime();
        BigGroupReplay replay = new BigGroupReplay(api, corp, seed);
        replay.provision();
        long[] eventSeq = new long[1];
        ReplayModel model = replay.load(eventSeq);
        replay.run(150);

        List<JsonObject> events = new ArrayList<>();
        JsonArray batch;
        long after = eventSeq[0];
        while (!(batch = eventsAfter(replay.token(), after)).isEmpty()) {
            batch.getValuesAs(JsonObject.class).forEach(events::add);
            after = events.get(events.size() - 1).getJsonNumber("id").longValue();
        }
        assertEquals(LongStream.rangeClosed(eventSeq[0] + 1, after).boxed().toList(),
                events.stream().map(e -> e.getJsonNumber("id").longValue()).toList(), "gap-free after the list's eventSeq");
        for (JsonObject event : events) {
            int bytes = event.get("data").toString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            // At most 100 ids a call, each under 20 bytes: a group's 1,000 never travel in one event.
            assertTrue(!event.getString("event").startsWith("CONVERSATION_GROUP") || bytes < 300, "seed " + seed + ": " + event);
            assertTrue(!event.getString("event").equals("CONVERSATION_IN_GROUP_UPDATED") || bytes < 2_200,
                    "seed " + seed + ": " + bytes + " bytes");
            model.apply(event);
        }
        model.assertMatches(api, replay.token(), "alice (seed " + seed + ")");
        replay.assertTheGroupedLimitCountsWhatIsGrouped(model);
    }
}
