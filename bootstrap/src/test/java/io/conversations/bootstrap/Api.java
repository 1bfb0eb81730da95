package io.conversations.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

/** A client of the running service over a real socket, as a test drives it. */
final class Api {
    static final String ADMIN_KEY = "test-admin-key-0123456789";
    static final String TOKEN_SECRET = "test-token-secret-0123456789-0123456789";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final int port;

    /** The service's configuration for a test: loopback, any free port, the test's keys, plus {@code extra}. */
    static Config config(java.nio.file.Path dataDir, java.util.Map<String, String> extra) {
        java.util.Map<String, String> env = new java.util.HashMap<>(java.util.Map.of(
                "CONVERSATIONS_HOST", "127.0.0.1",
                "CONVERSATIONS_PORT", "0",
                "CONVERSATIONS_DATA_DIR", dataDir.toString(),
                "CONVERSATIONS_ADMIN_KEY", ADMIN_KEY,
                "CONVERSATIONS_TOKEN_SECRET", TOKEN_SECRET,
                // The suites drive one user at machine speed (a replay of 150 changes reads 1,000 conversations
                // after each); the limits have a test of their own (WebAccessTest).
                "CONVERSATIONS_RATE_LIMIT_USER", "0",
                "CONVERSATIONS_RATE_LIMIT_ADMIN", "0"));
        env.putAll(extra);
        return Config.from(env, new String[0]);
    }

    Api(int port) {
        this.base = "http://127.0.0.1:" + port;
        this.port = port;
    }

    /** One answer: the status, the raw body and (when it is JSON) the parsed body. */
    record Reply(int status, String text, String contentType) {
        JsonObject json() {
            try (JsonReader reader = Json.createReader(new StringReader(text))) {
                return reader.readObject();
            }
        }

        /** Asserts the contract's error shape: the status and the code. */
        Reply isError(int expectedStatus, int expectedCode) {
            assertEquals(expectedStatus, status, text);
            assertEquals(expectedCode, json().getInt("code"), text);
            // Jetty writes "application/json;charset=utf-8": the same media type as the contract's, spaced differently.
            assertEquals("application/json;charset=utf-8", contentType.replace(" ", "").toLowerCase(), text);
            return this;
        }

        Reply is(int expectedStatus) {
            assertEquals(expectedStatus, status, text);
            return this;
        }
    }

    Reply call(String method, String path, String bearer, String body) {
        return call(method, path, bearer, body, java.util.Map.of());
    }

    /** A request with headers of the caller's besides (Idempotency-Key, X-Request-Id, ...). */
    Reply call(String method, String path, String bearer, String body, java.util.Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
        return send(request.build());
    }

    /** A request with a body of raw bytes and a Content-Type of the caller's (for bodies no string can hold). */
    Reply raw(String method, String path, String bearer, byte[] body, String contentType) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Authorization", "Bearer " + bearer).header("Content-Type", contentType).build());
    }

    private Reply send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            String contentType = response.headers().firstValue("Content-Type").orElse("");
            OpenApiCheck.check(request.method(), request.uri().getRawPath(), response.statusCode(), contentType,
                    response.body());
            return new Reply(response.statusCode(), response.body(), contentType);
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * A request written on a socket as given (a path no URI class accepts, such as "%u0041"), without a body;
     * the answer is read until the server closes the connection.
     */
    Reply unchecked(String method, String rawPath, String bearer) {
        return unchecked(method + " " + rawPath + " HTTP/1.1", bearer);
    }

    /** {@link #unchecked(String, String, String)} with a request line of the caller's ("GET / HTTP/9.9"). */
    Reply unchecked(String requestLine, String bearer) {
        return unchecked(requestLine, "Authorization: Bearer " + bearer + "\r\n", (byte[]) null);
    }

    /**
     * A request written on a socket byte for byte: the request line, {@code headers} (each ending in CRLF, as
     * given: garbage welcome) and a body of raw bytes (with its Content-Length) or none.
     */
    Reply unchecked(String requestLine, String headers, byte[] body) {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            java.io.ByteArrayOutputStream request = new java.io.ByteArrayOutputStream();
            request.write((requestLine + "\r\nHost: 127.0.0.1\r\n" + headers
                    + (body == null ? "" : "Content-Length: " + body.length + "\r\n")
                    + "Connection: close\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            if (body != null) {
                request.write(body);
            }
            socket.getOutputStream().write(request.toByteArray());
            java.io.InputStream in = new java.io.BufferedInputStream(socket.getInputStream());
            String head = headOf(in);
            if (head.toLowerCase(java.util.Locale.ROOT).contains("content-type: text/event-stream")) {
                // An event stream that opened does not end: its head is the answer.
                return new Reply(Integer.parseInt(head.split(" ")[1]), "", "text/event-stream");
            }
            String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            if (head.toLowerCase(java.util.Locale.ROOT).contains("transfer-encoding: chunked")) {
                StringBuilder joined = new StringBuilder();
                int at = 0;
                while (true) {
                    int line = text.indexOf("\r\n", at);
                    int size = Integer.parseInt(text.substring(at, line).trim(), 16);
                    if (size == 0) {
                        break;
                    }
                    joined.append(text, line + 2, line + 2 + size);
                    at = line + 2 + size + 2;
                }
                text = joined.toString();
            }
            String contentType = head.lines().filter(l -> l.toLowerCase(java.util.Locale.ROOT).startsWith("content-type:"))
                    .map(l -> l.substring(13).trim()).findFirst().orElse("");
            int status = Integer.parseInt(head.split(" ")[1]);
            String[] line = requestLine.split(" ");
            if (line.length == 3 && line[2].equals("HTTP/1.1")) {
                OpenApiCheck.check(line[0], line[1], status, contentType, text);
            }
            return new Reply(status, text, contentType);
        } catch (IOException e) {
            throw new IllegalStateException(requestLine + " failed: " + e.getMessage(), e);
        }
    }

    /** The status line and headers of an answer, up to the blank line. */
    private static String headOf(java.io.InputStream in) throws IOException {
        java.io.ByteArrayOutputStream head = new java.io.ByteArrayOutputStream();
        int matched = 0;
        int b;
        while (matched < 4 && (b = in.read()) >= 0) {
            head.write(b);
            matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        String text = head.toString(java.nio.charset.StandardCharsets.UTF_8);
        return text.endsWith("\r\n\r\n") ? text.substring(0, text.length() - 4) : text;
    }

    Reply admin(String method, String path, String body) {
        return call(method, path, ADMIN_KEY, body);
    }

    /** Provisions a corp, its users, and returns nothing; chats are made by the test. */
    void corp(String corp, String... users) {
        admin("PUT", "/v1/admin/corps/" + corp, "{\"name\":\"" + corp + "\"}").is(200);
        for (String user : users) {
            admin("PUT", "/v1/admin/corps/" + corp + "/users/" + user, "{\"nick\":\"" + user + " nick\"}").is(200);
        }
    }

    String groupChat(String corp, String chatId, String owner, String... members) {
        StringBuilder ids = new StringBuilder();
        for (String m : members) {
            ids.append(ids.length() == 0 ? "" : ",").append('"').append(m).append('"');
        }
        return admin("POST", "/v1/admin/corps/" + corp + "/chats", "{\"type\":\"GROUP\",\"chatId\":\"" + chatId
                + "\",\"title\":\"" + chatId + " title\",\"ownerId\":\"" + owner + "\",\"memberIds\":[" + ids + "]}")
                .is(201).json().getString("chatId");
    }

    String token(String corp, String user) {
        return admin("POST", "/v1/admin/tokens", "{\"corpId\":\"" + corp + "\",\"userId\":\"" + user
                + "\",\"ttlSeconds\":3600}").is(200).json().getString("token");
    }

    /** Every message's text in a chat, read page by page as the caller sees the history. */
    Set<String> messageTexts(String chatId, String bearer) {
        Set<String> texts = new HashSet<>();
        String cursor = "";
        while (true) {
            JsonObject page = call("GET", "/v1/chats/" + chatId + "/messages?count=100"
                    + (cursor.isEmpty() ? "" : "&cursor=" + cursor), bearer, null).is(200).json();
            page.getJsonArray("messageList").forEach(m -> texts.add(m.asJsonObject().getString("text")));
            if (page.getBoolean("isFinished")) {
                return texts;
            }
            cursor = page.getString("nextCursor");
        }
    }

    static JsonObject parse(String text) {
        return value(text).asJsonObject();
    }

    /** Any JSON value: an object, an array, a string... */
    static JsonValue value(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readValue();
        }
    }

    static String str(JsonValue value) {
        return ((jakarta.json.JsonString) value).getString();
    }
}
