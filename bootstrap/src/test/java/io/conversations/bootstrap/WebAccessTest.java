package io.conversations.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a browser needs: the SDK and the page served by the service, and CORS for the configured origins only. */
class WebAccessTest {
    private static final String PAGE = "https://app.example.com";
    @TempDir
    static Path dataDir;
    private static Wiring service;
    private static String base;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        service = Wiring.start(Api.config(dataDir, Map.of("CONVERSATIONS_CORS_ORIGINS", PAGE + ", http://localhost:3000")));
        base = "http://127.0.0.1:" + service.port();
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    private HttpResponse<String> send(String method, String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Optional<String> header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name);
    }

    @Test
    void servesItsOpenApiDescription() throws Exception {
        HttpResponse<String> spec = send("GET", "/openapi.json");
        assertEquals(200, spec.statusCode());
        assertTrue(header(spec, "Content-Type").orElse("").startsWith("application/json"));
        assertTrue(spec.body().contains("\"openapi\": \"3.1.0\""), spec.body().substring(0, 200));
        for (String path : java.util.List.of("/v1/conversation-groups/{groupName}/conversations", "/v1/events",
                "/v1/admin/corps/{corpId}/picked-chats/{cid}/messages", "/health/live")) {
            assertTrue(spec.body().contains("\"" + path + "\""), path);
        }
    }

    @Test
    void servesTheSdkTheTypesAndThePage() throws Exception {
        HttpResponse<String> script = send("GET", "/sdk/conversations.js");
        assertEquals(200, script.statusCode());
        assertTrue(header(script, "Content-Type").orElse("").startsWith("text/javascript"));
        assertTrue(script.body().contains("globalThis.TencentCloudChat = ConversationsSDK.TencentCloudChat"));
        HttpResponse<String> module = send("GET", "/sdk/conversations.mjs");
        assertTrue(module.body().contains("pickConversation"));
        assertTrue(send("GET", "/sdk/index.d.ts").body().contains("export declare const dd"));
        assertEquals(Optional.of("no-cache"), header(module, "Cache-Control"));
        HttpResponse<String> page = send("GET", "/app/");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("<title>Conversations</title>"));
        HttpResponse<String> root = send("GET", "/");
        assertEquals(302, root.statusCode());
        assertEquals(Optional.of("/app/"), header(root, "Location"));
        HttpResponse<String> favicon = send("GET", "/favicon.ico"); // was 404 on every page view
        assertEquals(301, favicon.statusCode());
        assertEquals(Optional.of("/app/favicon.svg"), header(favicon, "Location"));
        HttpResponse<String> icon = send("GET", "/app/favicon.svg");
        assertEquals(200, icon.statusCode());
        assertTrue(header(icon, "Content-Type").orElse("").startsWith("image/svg+xml"), icon.headers().toString());
        HttpResponse<String> missing = send("GET", "/sdk/nothing.js");
        assertEquals(404, missing.statusCode());
        assertTrue(missing.body().contains("\"code\":40401"), missing.body());
    }

    @Test
    void aListedOriginMayCallWithABearerTokenAndReadErrors() throws Exception {
        HttpResponse<String> preflight = send("OPTIONS", "/v1/events", "Origin", PAGE,
                "Access-Control-Request-Method", "GET", "Access-Control-Request-Headers", "authorization,last-event-id");
        assertEquals(204, preflight.statusCode());
        assertEquals(Optional.of(PAGE), header(preflight, "Access-Control-Allow-Origin"));
        String allowed = header(preflight, "Access-Control-Allow-Headers").orElse("");
        assertTrue(allowed.contains("Authorization") && allowed.contains("Last-Event-ID"), allowed);
        assertTrue(header(preflight, "Access-Control-Allow-Methods").orElse("").contains("PATCH"));
        HttpResponse<String> refused = send("GET", "/v1/conversations", "Origin", "http://localhost:3000");
        assertEquals(401, refused.statusCode());
        assertEquals(Optional.of("http://localhost:3000"), header(refused, "Access-Control-Allow-Origin"));
        assertEquals(Optional.of("Retry-After"), header(refused, "Access-Control-Expose-Headers"));
        assertEquals(Optional.of("Origin"), header(refused, "Vary"));
    }

    @Test
    void anotherOriginGetsNoCorsHeadersButTheServicesOwnPagesAreNeverRefused() throws Exception {
        HttpResponse<String> preflight = send("OPTIONS", "/v1/conversations", "Origin", "https://evil.example",
                "Access-Control-Request-Method", "DELETE");
        assertEquals(Optional.empty(), header(preflight, "Access-Control-Allow-Origin"));
        assertEquals(Optional.empty(), header(preflight, "Access-Control-Allow-Methods"));
        HttpResponse<String> unknown = send("GET", "/v1/nothing", "Origin", PAGE);
        assertEquals(404, unknown.statusCode(), "CORS does not turn unknown routes into 405");
        HttpResponse<String> read = send("GET", "/v1/conversations", "Origin", "https://evil.example");
        assertEquals(Optional.empty(), header(read, "Access-Control-Allow-Origin"));
        // Browsers send Origin with module scripts of the page's own origin: they must load.
        HttpResponse<String> module = send("GET", "/sdk/conversations.mjs", "Origin", base);
        assertEquals(200, module.statusCode());
    }

    @Test
    void everyAnswerNamesItsRequestIdAndAnErrorCarriesIt() throws Exception {
        HttpResponse<String> given = send("GET", "/v1/conversations", "X-Request-Id", "client-42.a");
        assertEquals(Optional.of("client-42.a"), header(given, "X-Request-Id"));
        assertTrue(given.body().contains("\"requestId\":\"client-42.a\""), given.body());
        HttpResponse<String> made = send("GET", "/v1/conversations", "X-Request-Id", "no spaces allowed");
        String id = header(made, "X-Request-Id").orElseThrow();
        assertTrue(id.matches("[0-9a-f]{16}"), id);
        assertTrue(made.body().contains("\"requestId\":\"" + id + "\""), made.body());
        assertTrue(header(send("GET", "/health"), "X-Request-Id").isPresent());
    }

    @Test
    void metricsInPrometheusFormatCountRequestsByRouteAndShowTheServicesNumbers() throws Exception {
        send("GET", "/v1/conversations");
        send("GET", "/v1/conversations");
        send("POST", "/v1/conversation-groups/%E9%9C%80/conversations");
        HttpResponse<String> metrics = send("GET", "/metrics");
        assertEquals(200, metrics.statusCode());
        assertTrue(header(metrics, "Content-Type").orElse("").startsWith("text/plain"));
        String text = metrics.body();
        java.util.regex.Matcher count = java.util.regex.Pattern.compile(
                "conversations_http_requests_seconds_count\\{[^}]*route=\"/v1/conversations\"[^}]*status=\"401\"[^}]*} (\\d+)")
                .matcher(text);
        assertTrue(count.find(), text);
        assertTrue(Integer.parseInt(count.group(1)) >= 2, count.group());
        assertTrue(text.contains("route=\"/v1/conversation-groups/{groupName}/conversations\""),
                "a route by its template, not its path");
        assertTrue(text.contains("conversations_http_requests_seconds_bucket{"), "a latency histogram");
        for (String name : java.util.List.of("conversations_store_connections_active", "conversations_store_connections_waiting",
                "conversations_store_transaction_retries_total", "conversations_events_streams_open",
                "conversations_events_tail_lag_millis", "conversations_list_kept_hits_total", "conversations_store_down")) {
            assertTrue(text.contains(name + " ") || text.contains(name + "{"), name + " in\n" + text);
        }
    }

    @Test
    void methodsAClientMakesUpDoNotGrowTheMetrics() throws Exception {
        java.util.Random random = new java.util.Random(28);
        for (int i = 0; i < 300; i++) {
            String method = random.ints(40, 'A', 'Z' + 1).collect(StringBuilder::new, StringBuilder::appendCodePoint,
                    StringBuilder::append).toString();
            try (java.net.Socket socket = new java.net.Socket("127.0.0.1", service.port())) {
                socket.getOutputStream().write((method + " /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                        .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                socket.getInputStream().readAllBytes();
            }
        }
        String text = send("GET", "/metrics").body();
        java.util.Set<String> methods = new java.util.TreeSet<>();
        java.util.regex.Matcher label = java.util.regex.Pattern.compile("method=\"([^\"]*)\"").matcher(text);
        while (label.find()) {
            methods.add(label.group(1));
        }
        assertTrue(methods.size() <= 8, "one label per made-up method (before: 300 more): " + methods);
        assertTrue(methods.contains("other"), "made-up methods are counted together: " + methods);
    }

    @Test
    void guessingTokensOrTheAdminKeyIsSlowedWhileAGoodTokenFromTheSameAddressGoesOn(@TempDir Path guessedDir) {
        try (Wiring guessed = Wiring.start(Api.config(guessedDir, Map.of()))) {
            Api api = new Api(guessed.port());
            api.corp("gs", "alice");
            String alice = api.token("gs", "alice");
            int unauthorized = 0;
            Api.Reply slowed = null;
            for (int i = 0; i < 300 && slowed == null; i++) {
                Api.Reply reply = i % 2 == 0 ? api.call("GET", "/v1/conversation-groups", "guess" + i, null)
                        : api.call("POST", "/v1/admin/tokens", "not-the-key-" + i, "{}");
                if (reply.status() == 401) {
                    unauthorized++;
                } else {
                    slowed = reply;
                }
                if (i % 25 == 0) {
                    assertEquals(200, api.call("GET", "/v1/conversation-groups", alice, null).status(),
                            "the real user from the same address is never held back");
                }
            }
            // Before: 300 guesses, 300 plain 401s.
            assertTrue(slowed != null, "300 refused credentials in a burst were never slowed");
            assertTrue(unauthorized >= 100 && unauthorized < 150, "a burst of 100, and a little refill: " + unauthorized);
            assertEquals(429, slowed.status());
            assertEquals(42902, slowed.json().getInt("code"));
            assertEquals(200, api.call("GET", "/v1/conversation-groups", alice, null).status());
        }
    }

    @Test
    void aUserOrTheAdminKeyFasterThanItsRateLimitIsToldToWaitWhileOthersGoOn(@TempDir Path limitedDir) throws Exception {
        try (Wiring limited = Wiring.start(Api.config(limitedDir, Map.of("CONVERSATIONS_RATE_LIMIT_USER", "5",
                "CONVERSATIONS_RATE_LIMIT_ADMIN", "2")))) {
            Api api = new Api(limited.port());
            api.corp("rl", "alice", "bob"); // 3 admin calls, and 2 tokens below: within the admin's burst of 20
            String alice = api.token("rl", "alice");
            String bob = api.token("rl", "bob");
            int ok = 0;
            Api.Reply refused = null;
            for (int i = 0; i < 30 && refused == null; i++) {
                Api.Reply reply = api.call("GET", "/v1/conversation-groups", alice, null);
                if (reply.status() == 200) {
                    ok++;
                } else {
                    refused = reply;
                }
            }
            assertTrue(refused != null, "a burst of 30 passed a limit of 5 a second");
            assertTrue(ok >= 10 && ok < 20, "a burst of twice the rate, and a little refill: " + ok);
            assertEquals(429, refused.status());
            assertEquals(42902, refused.json().getInt("code"));
            assertEquals(200, api.call("GET", "/v1/conversation-groups", bob, null).status(), "another user goes on");
            Thread.sleep(1_100);
            assertEquals(200, api.call("GET", "/v1/conversation-groups", alice, null).status(), "and alice after a wait");
            int admin = 0;
            while (api.admin("PUT", "/v1/admin/corps/rl", "{\"name\":\"x\"}").status() == 200 && admin < 100) {
                admin++;
            }
            assertTrue(admin < 100, "the admin key is limited too");
            HttpResponse<String> told = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + limited.port() + "/v1/conversation-groups"))
                    .header("Authorization", "Bearer " + Api.ADMIN_KEY).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(401, told.statusCode(), "an admin key is no user token");
            HttpResponse<String> wait = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + limited.port() + "/v1/admin/corps/rl"))
                    .header("Authorization", "Bearer " + Api.ADMIN_KEY)
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"name\":\"x\"}")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(429, wait.statusCode());
            assertEquals(Optional.of("1"), header(wait, "Retry-After"));
        }
    }
}
