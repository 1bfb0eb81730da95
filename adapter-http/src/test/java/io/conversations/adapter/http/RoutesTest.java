package io.conversations.adapter.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.conversations.application.model.ConversationPage;
import io.conversations.application.model.ConversationQuery;
import io.conversations.application.model.EventPage;
import io.conversations.application.model.StoreUnavailable;
import io.conversations.application.port.in.ChangeChatMembership;
import io.conversations.application.port.in.ChatCreated;
import io.conversations.application.port.in.IdempotentWrites;
import io.conversations.application.port.in.IssuedToken;
import io.conversations.application.port.in.MessagePage;
import io.conversations.application.port.in.ShareToChat;
import io.conversations.domain.chat.ChatId;
import io.conversations.domain.chat.ChatType;
import io.conversations.domain.chat.Message;
import io.conversations.domain.chat.MessageContent;
import io.conversations.domain.chat.MessageType;
import io.conversations.domain.common.Outcome;
import io.conversations.domain.common.Problem;
import io.conversations.domain.conversation.Conversation;
import io.conversations.domain.conversation.ConversationChange;
import io.conversations.domain.conversation.ConversationId;
import io.conversations.domain.conversation.Marks;
import io.conversations.domain.conversation.RemindType;
import io.conversations.domain.group.BatchResult;
import io.conversations.domain.conversation.Failure;
import io.conversations.domain.identity.CorpId;
import io.conversations.domain.identity.GroupName;
import io.conversations.domain.identity.UserId;
import io.conversations.domain.identity.UserRef;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The routes on fakes of the use cases: what each request is parsed into, what status and body each outcome is
 * answered with, and that a request refused at the edge never reaches a use case. What the use cases do is the
 * end-to-end suite's (bootstrap's ApiContract).
 */
class RoutesTest {
    private static final String ADMIN_KEY = "admin-key-for-the-route-tests";
    private static final JwtTokens TOKENS = new JwtTokens("a-secret-of-at-least-thirty-two-bytes!!");
    private static final UserRef ALICE = new UserRef(new CorpId("acme"), new UserId("alice"));
    private static final String BEARER = TOKENS.issue(ALICE, System.currentTimeMillis() + 600_000);
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static HttpApi api;
    private static String base;

    /** What the fakes were called with, in order. */
    private static final List<Object> calls = new ArrayList<>();
    /** The fakes' answers, set by each test; an unexpected call fails the test. */
    private static Supplier<Outcome<BatchResult>> batch;
    private static Supplier<Outcome<Conversation>> conversation;
    private static Supplier<Outcome<ConversationPage>> page;
    private static Supplier<Outcome<Message>> message;
    private static Supplier<Outcome<ChatCreated>> chatCreated;
    private static Supplier<Boolean> healthy;

    private static <T> T unexpected() {
        throw new AssertionError("a use case was called that this test does not expect");
    }

    @BeforeAll
    static void startTheApiOnFakes() {
        HttpApi.Routes routes = new HttpApi.Routes(
                new GroupRoutes(user -> unexpected(),
                        (user, name, ids) -> record(batch, "create", user, name, ids),
                        (user, from, to) -> unexpected(),
                        (user, name) -> unexpected(),
                        (user, name, ids) -> record(batch, "add", user, name, ids),
                        (user, name, ids) -> unexpected()),
                new ConversationRoutes((user, query) -> record(page, "list", user, query),
                        (user, id) -> record(conversation, "get", user, id),
                        (user, id, change) -> record(conversation, "change", user, id, change),
                        (user, ids, change) -> unexpected(), user -> unexpected(), user -> unexpected(),
                        RenderedViews.NONE),
                new MessageRoutes((sender, chat, content) -> record(message, "send", sender, chat, content),
                        (reader, chat, count, before) -> unexpected(), new NoSharing()),
                new ChatRoutes((user, corp, query, count, after) -> unexpected(), (user, corp, chat) -> unexpected(),
                        new NoSharing(), (user, id) -> record(conversation, "get", user, id)),
                new EventRoutes((user, after, limit) -> new EventPage(List.of(), 0), (user, after, ready) -> unexpected(),
                        15_000),
                new AdminRoutes((corp, name) -> calls.add(List.of("putCorp", corp, name)),
                        (user, nick, avatar) -> unexpected(),
                        chat -> record(chatCreated, "createChat", chat),
                        new ChangeChatMembership() {
                            @Override
                            public Outcome<Boolean> addMember(CorpId corp, ChatId chat, UserId user) {
                                return unexpected();
                            }

                            @Override
                            public Outcome<Boolean> removeMember(CorpId corp, ChatId chat, UserId user) {
                                return unexpected();
                            }
                        },
                        (user, ttl) -> Outcome.done(new IssuedToken("t", 1))));
        IdempotentWrites noKeys = (scope, key, fingerprint, write) -> Outcome.done(write.get());
        api = HttpApi.create(new HttpSettings(ADMIN_KEY, TOKENS, List.of(), 0, 0), new Metrics(), routes,
                user -> user.equals(ALICE), noKeys, () -> healthy.get()).start("127.0.0.1", 0);
        base = "http://127.0.0.1:" + api.port();
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @BeforeEach
    void noAnswersYet() {
        calls.clear();
        batch = RoutesTest::unexpected;
        conversation = RoutesTest::unexpected;
        page = RoutesTest::unexpected;
        message = RoutesTest::unexpected;
        chatCreated = RoutesTest::unexpected;
        healthy = () -> true;
    }

    private static <T> T record(Supplier<T> answer, Object... call) {
        calls.add(List.of(call));
        return answer.get();
    }

    /** Picking and sharing are not what these tests are about. */
    private static final class NoSharing implements ShareToChat {
        @Override
        public Outcome<Picked> pick(UserRef user, CorpId corp, ChatId chat) {
            return unexpected();
        }

        @Override
        public Outcome<Conversation> picked(UserRef user, String cid) {
            return unexpected();
        }

        @Override
        public Outcome<Message> sendToPicked(CorpId corp, String cid, MessageContent content) {
            return unexpected();
        }
    }

    private record Answer(int status, String body, HttpResponse<String> response) {
        JsonObject json() {
            return Json.createReader(new StringReader(body)).readObject();
        }

        /** The contract's error body: its code, and a message for the developer. */
        int code() {
            JsonObject error = json();
            assertFalse(error.getString("message").isBlank());
            return error.getInt("code");
        }
    }

    private static Answer call(String method, String path, String auth, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (auth != null) {
            request.header("Authorization", "Bearer " + (auth.startsWith("admin:") ? auth.substring(6) : auth));
        }
        HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (!response.body().isEmpty()) {
            assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"),
                    method + " " + path + " answered " + response.headers().firstValue("Content-Type"));
        }
        return new Answer(response.statusCode(), response.body(), response);
    }

    /**
     * A request written byte for byte on a socket as alice, with {@code headers} (each ending in CRLF) and
     * {@code body} as given; the whole answer as text. For what Java's HTTP client will not send.
     */
    private static String raw(String requestLine, String headers, String body) throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", URI.create(base).getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write((requestLine + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + BEARER
                    + "\r\nContent-Type: application/json\r\nConnection: close\r\n" + headers + "\r\n" + body)
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private static Conversation sales(boolean pinned) {
        return new Conversation(ConversationId.group(new ChatId("sales")), new ChatId("sales"), "Sales", List.of(), 2, 0,
                Optional.empty(), pinned, List.of(), "", "", false, 5, 5, Marks.NONE, RemindType.ACCEPT_AND_NOTIFY);
    }

    @Test
    void aGroupCreatedWithConversationsIsParsedIntoValuesAndAnswered201WithThePartialResult() throws Exception {
        GroupName suppliers = new GroupName("需求研发");
        batch = () -> Outcome.done(new BatchResult(suppliers, List.of("GROUPsales"),
                List.of(new Failure("GROUPnope", Problem.NOT_FOUND, "no conversation GROUPnope")),
                List.of(ConversationId.group(new ChatId("sales"))), 1));
        Answer answer = call("POST", "/v1/conversation-groups", BEARER,
                "{\"groupName\":\"需求研发\",\"conversationIDList\":[\"GROUPsales\",\"GROUPnope\"]}");
        assertEquals(201, answer.status(), answer.body());
        assertEquals(List.of(List.of("create", ALICE, suppliers, List.of("GROUPsales", "GROUPnope"))), calls);
        assertEquals("需求研发", answer.json().getString("groupName"));
        assertEquals("GROUPsales", answer.json().getJsonArray("successConversationIDList").getString(0));
        JsonObject failed = answer.json().getJsonArray("failureConversationIDList").getJsonObject(0);
        assertEquals("GROUPnope", failed.getString("conversationID"));
        assertEquals(40401, failed.getInt("code"));
    }

    @Test
    void aUseCasesRefusalIsAnsweredWithItsStatusAndCodeAndTheRequestId() throws Exception {
        batch = () -> Outcome.rejected(Problem.GROUP_LIMIT, "alice has 20 groups already");
        Answer answer = call("POST", "/v1/conversation-groups", BEARER, "{\"groupName\":\"One more\"}");
        assertEquals(409, answer.status());
        assertEquals(51010, answer.code());
        assertEquals("alice has 20 groups already", answer.json().getString("message"));
        assertEquals(answer.response().headers().firstValue("X-Request-Id").orElseThrow(),
                answer.json().getString("requestId"));
    }

    @Test
    void garbageIsRefusedAtTheEdgeAndNeverReachesAUseCase() throws Exception {
        assertEquals(40001, call("POST", "/v1/conversation-groups", BEARER, "{\"groupName\":").code());
        assertEquals(40001, call("POST", "/v1/conversation-groups", BEARER, "[]").code());
        assertEquals(40001, call("POST", "/v1/conversation-groups", BEARER, "{\"groupName\":7}").code());
        assertEquals(51011, call("POST", "/v1/conversation-groups", BEARER, "{\"groupName\":\"\"}").code());
        assertEquals(51011, call("POST", "/v1/conversation-groups", BEARER,
                "{\"groupName\":\"" + "x".repeat(33) + "\"}").code());
        assertEquals(40001, call("POST", "/v1/conversation-groups/a/conversations", BEARER,
                "{\"conversationIDList\":\"GROUPsales\"}").code());
        assertEquals(400, call("GET", "/v1/conversations?count=0", BEARER, null).status());
        assertEquals(400, call("GET", "/v1/conversations?count=101", BEARER, null).status());
        assertEquals(400, call("GET", "/v1/conversations?type=CHANNEL", BEARER, null).status());
        assertEquals(400, call("GET", "/v1/conversations?cursor=not-ours", BEARER, null).status());
        assertEquals(400, call("GET", "/v1/events?after=-1", BEARER, null).status());
        assertEquals(40001, call("POST", "/v1/chats/sales/messages", BEARER, "{\"type\":\"video\"}").code());
        assertEquals(40001, call("PUT", "/v1/conversations/GROUPsales/pin", BEARER, "{\"isPinned\":\"yes\"}").code());
        assertEquals(List.of(), calls);
    }

    @Test
    void aBodyIsOneJsonObjectWithEachKeyOnceAndAQueryDecodesOrIsRefused() throws Exception {
        // Before: each of these bodies created the group (the first object read, the rest ignored; the last key won).
        for (String body : List.of("{\"groupName\":\"Trail1\"} this is not JSON", "{\"groupName\":\"Trail1\"}{}",
                "{\"groupName\":\"Trail1\"}]]]", "{\"groupName\":\"Trail1\",\"groupName\":\"Other\"}")) {
            Answer refused = call("POST", "/v1/conversation-groups", BEARER, body);
            assertEquals(400, refused.status(), body + " -> " + refused.body());
            assertEquals(40001, refused.code(), body + " -> " + refused.body());
        }
        assertEquals(List.of(), calls);
        // Before: a broken escape dropped every query parameter (the unfiltered list, events from the start).
        for (String query : List.of("/v1/conversations?groupName=Trail1%zz", "/v1/conversations?type=GROUP%",
                "/v1/conversations?groupName=%FF%FE", "/v1/events?after=5%zz")) {
            // Written on a socket: Java's HTTP client refuses to send a broken escape.
            String answer = raw("GET " + query, "", "");
            assertTrue(answer.startsWith("HTTP/1.1 400"), query + " -> " + answer);
            assertTrue(answer.contains("\"code\":40001"), query + " -> " + answer);
        }
        // Before: a chunked body framed wrong answered 500 (and logged a stack trace per request).
        for (String chunks : List.of("zz\r\n{}\r\n0\r\n\r\n", "ffffffffffffffffff\r\n{}\r\n0\r\n\r\n",
                "-5\r\n{}\r\n0\r\n\r\n", "2\r\n{}xx0\r\n\r\n")) {
            String answer = raw("POST /v1/conversation-groups", "Transfer-Encoding: chunked\r\n", chunks);
            assertTrue(answer.startsWith("HTTP/1.1 400"), chunks + " -> " + answer);
            assertTrue(answer.contains("\"code\":40001"), chunks + " -> " + answer);
        }
        // Before: a declared 2 GB body held the connection until the idle timeout, then a bare 408.
        for (String length : List.of("1000001", "2000000000", "99999999999999999999999")) {
            String answer = raw("POST /v1/conversation-groups", "Content-Length: " + length + "\r\n", "{\"gr");
            // Jetty refuses a length too long for a number itself (400, in the contract's shape).
            boolean huge = length.length() > 19;
            assertTrue(answer.startsWith(huge ? "HTTP/1.1 400" : "HTTP/1.1 413"), length + " -> " + answer);
            assertTrue(answer.contains(huge ? "\"code\":40001" : "\"code\":41301"), length + " -> " + answer);
        }
        assertEquals(List.of(), calls);
        page = () -> Outcome.done(new ConversationPage(List.of(), Optional.empty(), 1));
        assertEquals(200, call("GET", "/v1/conversations?groupName=%E9%9C%80+x", BEARER, null).status());
        assertEquals(Optional.of(new GroupName("需 x")), ((ConversationQuery) ((List<?>) calls.get(0)).get(2)).group());
        calls.clear();
        call("POST", "/v1/conversation-groups", BEARER, "{\"groupName\":\"ok\"} \n");
        assertEquals(1, calls.size(), "white space after the object is fine: the use case is asked");
    }

    @Test
    void aBodyDeclaredAsAnythingButJsonIsRefusedAndAChunkedBodyPastTheLimitIs413() throws Exception {
        // Before: each of these was read as JSON and created the group.
        for (String type : List.of("text/plain", "text/plain; charset=utf-8", "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=x", "application/xml")) {
            HttpResponse<String> refused = CLIENT.send(HttpRequest.newBuilder(URI.create(base + "/v1/conversation-groups"))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"groupName\":\"Trail1\"}"))
                    .header("Content-Type", type).header("Authorization", "Bearer " + BEARER).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(415, refused.statusCode(), type + " -> " + refused.body());
            assertEquals(41501, new Answer(415, refused.body(), refused).code(), type);
        }
        assertEquals(List.of(), calls);
        for (String type : List.of("application/json", "APPLICATION/JSON;charset=UTF-8", "application/ld+json")) {
            calls.clear();
            HttpResponse<String> taken = CLIENT.send(HttpRequest.newBuilder(URI.create(base + "/v1/conversation-groups"))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"groupName\":\"ok\"}"))
                    .header("Content-Type", type).header("Authorization", "Bearer " + BEARER).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(1, calls.size(), type + " is JSON -> " + taken.body());
        }
        // Before: a chunked body (no length declared) past the limit answered 400 / 40001.
        int size = Exchange.MAX_BODY_BYTES + 10;
        String answer = raw("POST /v1/conversation-groups", "Transfer-Encoding: chunked\r\n",
                Integer.toHexString(size) + "\r\n" + "x".repeat(size) + "\r\n0\r\n\r\n");
        assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
        assertTrue(answer.contains("\"code\":41301"), answer);
    }

    @Test
    void anIdThatCannotExistIsAnsweredLikeOneThatDoesNotWithoutAskingTheUseCase() throws Exception {
        Answer conversationId = call("GET", "/v1/conversations/DM_alice", BEARER, null);
        assertEquals(404, conversationId.status());
        assertEquals(40401, conversationId.code());
        assertEquals(40401, call("POST", "/v1/chats/not%20an%20id/messages", BEARER,
                "{\"type\":\"text\",\"text\":\"hi\"}").code());
        assertEquals(40401, call("GET", "/v1/chats/C2Cbob%2Fx/info", BEARER, null).code());
        assertEquals(List.of(), calls);
    }

    @Test
    void aConversationChangeIsParsedIntoItsKindAndAnsweredWithTheConversation() throws Exception {
        conversation = () -> Outcome.done(sales(true));
        Answer pinned = call("PUT", "/v1/conversations/GROUPsales/pin", BEARER, "{\"isPinned\":true}");
        assertEquals(200, pinned.status(), pinned.body());
        assertTrue(pinned.json().getBoolean("isPinned"));
        assertEquals("GROUPsales", pinned.json().getString("conversationID"));
        assertEquals(List.of(List.of("change", ALICE, ConversationId.group(new ChatId("sales")),
                new ConversationChange.Pin(true))), calls);

        calls.clear();
        Answer hidden = call("DELETE", "/v1/conversations/GROUPsales", BEARER, null);
        assertEquals(204, hidden.status());
        assertEquals("", hidden.body());
        assertEquals(new ConversationChange.Hide(false), ((List<?>) calls.get(0)).get(3));

        conversation = () -> Outcome.rejected(Problem.NOT_FOUND, "no conversation GROUPsales for this user");
        assertEquals(40401, call("POST", "/v1/conversations/GROUPsales/read", BEARER, null).code());
    }

    @Test
    void theListsQueryIsParsedWithItsDefaults() throws Exception {
        page = () -> Outcome.done(new ConversationPage(List.of(sales(false)), Optional.empty(), 42));
        Answer answer = call("GET", "/v1/conversations?groupName=Suppliers&type=GROUP", BEARER, null);
        assertEquals(200, answer.status(), answer.body());
        ConversationQuery query = (ConversationQuery) ((List<?>) calls.get(0)).get(2);
        assertEquals(Optional.of(new GroupName("Suppliers")), query.group());
        assertEquals(Optional.of(ChatType.GROUP), query.type());
        assertEquals(ConversationQuery.DEFAULT_COUNT, query.count());
        assertEquals(Optional.empty(), query.after());
        assertEquals(42, answer.json().getJsonNumber("eventSeq").longValue());
        assertTrue(answer.json().getBoolean("isFinished"));
        assertEquals("", answer.json().getString("nextCursor"));
    }

    @Test
    void aMessagesContentIsParsedFromItsTypeAndAttachment() throws Exception {
        message = () -> Outcome.done(new Message(7, new ChatId("sales"), ALICE.user(),
                new MessageContent(MessageType.IMAGE, "look", List.of("https://a/1.png"), "", ""), 99));
        Answer answer = call("POST", "/v1/chats/sales/messages", BEARER,
                "{\"type\":\"image\",\"text\":\"look\",\"attachment\":{\"images\":[\"https://a/1.png\"]}}");
        assertEquals(201, answer.status(), answer.body());
        MessageContent sent = (MessageContent) ((List<?>) calls.get(0)).get(3);
        assertEquals(new MessageContent(MessageType.IMAGE, "look", List.of("https://a/1.png"), "", ""), sent);
        assertEquals(40001, call("POST", "/v1/chats/sales/messages", BEARER,
                "{\"type\":\"image\",\"attachment\":{\"images\":" + "[\"https://a/1.png\"".repeat(1)
                        + ",\"https://a/1.png\"".repeat(9) + "]}}").code());
    }

    @Test
    void withoutAValidTokenOrForAnUnknownUserNothingIsCalled() throws Exception {
        assertEquals(401, call("GET", "/v1/conversations", null, null).status());
        assertEquals(40101, call("GET", "/v1/conversations", "not.a.token", null).code());
        String bobs = TOKENS.issue(new UserRef(new CorpId("acme"), new UserId("bob")), System.currentTimeMillis() + 60_000);
        assertEquals(40101, call("GET", "/v1/conversations", bobs, null).code());
        String expired = TOKENS.issue(ALICE, System.currentTimeMillis() - 1);
        assertEquals(40101, call("GET", "/v1/conversations", expired, null).code());
        assertEquals(40101, call("PUT", "/v1/admin/corps/acme", BEARER, "{\"name\":\"Acme\"}").code());
        assertEquals(List.of(), calls);
    }

    @Test
    void adminCallsTakeTheAdminKeyAndAnExistingC2cChatIsAnswered200() throws Exception {
        Answer corp = call("PUT", "/v1/admin/corps/acme", "admin:" + ADMIN_KEY, "{\"name\":\"Acme\"}");
        assertEquals(200, corp.status(), corp.body());
        assertEquals(List.of(List.of("putCorp", new CorpId("acme"), "Acme")), calls);

        chatCreated = () -> Outcome.done(new ChatCreated(new ChatId("c2c.x"), false));
        String c2c = "{\"type\":\"C2C\",\"memberIds\":[\"alice\",\"bob\"]}";
        assertEquals(200, call("POST", "/v1/admin/corps/acme/chats", "admin:" + ADMIN_KEY, c2c).status());
        chatCreated = () -> Outcome.done(new ChatCreated(new ChatId("c2c.x"), true));
        Answer created = call("POST", "/v1/admin/corps/acme/chats", "admin:" + ADMIN_KEY, c2c);
        assertEquals(201, created.status());
        assertEquals("c2c.x", created.json().getString("chatId"));
        assertEquals(40001, call("POST", "/v1/admin/corps/acme/chats", "admin:" + ADMIN_KEY,
                "{\"type\":\"DM\",\"memberIds\":[\"alice\"]}").code());
    }

    @Test
    void aStoreThatDoesNotAnswerIs503WithRetryAfterAndALostCommitSaysSo() throws Exception {
        conversation = () -> {
            throw new StoreUnavailable("connection refused", null);
        };
        Answer down = call("GET", "/v1/conversations/GROUPsales", BEARER, null);
        assertEquals(503, down.status());
        assertEquals(50301, down.code());
        assertEquals("1", down.response().headers().firstValue("Retry-After").orElse(null));

        conversation = () -> {
            throw StoreUnavailable.outcomeUnknown("commit lost", null);
        };
        assertEquals(50303, call("PUT", "/v1/conversations/GROUPsales/pin", BEARER, "{\"isPinned\":true}").code());

        healthy = () -> false;
        Answer health = call("GET", "/health", null, null);
        assertEquals(503, health.status());
        assertEquals("DOWN", health.json().getString("status"));
    }

    @Test
    void aFailureNobodyExpectedIsA500WithTheContractsBodyAndNoDetail() throws Exception {
        conversation = () -> {
            throw new IllegalStateException("secret detail");
        };
        Answer answer = call("GET", "/v1/conversations/GROUPsales", BEARER, null);
        assertEquals(500, answer.status());
        assertEquals(50000, answer.json().getInt("code"));
        assertFalse(answer.body().contains("secret detail"));
    }

    @Test
    void unknownRoutesAndMethodsAreAnsweredInJson() throws Exception {
        Answer unknown = call("GET", "/v1/nothing-here", BEARER, null);
        assertEquals(404, unknown.status());
        assertEquals(40401, unknown.code());
        Answer method = call("PATCH", "/v1/conversations", BEARER, "{}");
        assertEquals(405, method.status());
        assertEquals(40501, method.code());
        assertEquals("GET", method.response().headers().firstValue("Allow").orElse(null));
        assertEquals("PATCH is not a method of /v1/conversations; allowed: GET", method.json().getString("message"));
        assertNull(method.response().headers().firstValue("Retry-After").orElse(null));
    }

    @Test
    void theEventsBatchIsJsonUnlessTheClientAsksForAStream() throws Exception {
        Answer batch = call("GET", "/v1/events?after=0", BEARER, null);
        assertEquals(200, batch.status(), batch.body());
        assertEquals(0, batch.json().getJsonArray("events").size());
        assertEquals(400, call("GET", "/v1/events?limit=501", BEARER, null).status());
    }
}
