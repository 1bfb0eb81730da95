package io.conversations.bootstrap;

import static org.junit.jupiter.api.Assertions.fail;

import jakarta.json.Json;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An EventSource as a test needs it, on a plain socket (HTTP/1.0, so the stream is the bytes as
 * written): frames in the order they arrive, heartbeats counted, and a kill that drops the connection.
 */
final class SseClient implements AutoCloseable {

    /** One event as the stream carried it; {@code receivedNanos} is when this client read it. */
    record Frame(long id, String event, String data, long receivedNanos) {
        JsonValue json() {
            try (JsonReader reader = Json.createReader(new StringReader(data))) {
                return reader.readValue();
            }
        }
    }

    private final Socket socket;
    private final int status;
    private final String body;
    private String retryAfter;
    private final BlockingQueue<Frame> frames = new LinkedBlockingQueue<>();
    private final AtomicInteger heartbeats = new AtomicInteger();
    private volatile boolean ended;

    private SseClient(Socket socket, int status, String body) {
        this.socket = socket;
        this.status = status;
        this.body = body;
    }

    /** Connects with {@code Last-Event-ID} when {@code lastEventId} is not null; {@code query} may be "". */
    static SseClient connect(int port, String token, String lastEventId, String query) {
        try {
            Socket socket = new Socket("127.0.0.1", port);
            OutputStream out = socket.getOutputStream();
            String request = "GET /v1/events" + query + " HTTP/1.0\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n"
                    + "Authorization: Bearer " + token + "\r\n"
                    + (lastEventId == null ? "" : "Last-Event-ID: " + lastEventId + "\r\n") + "\r\n";
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            String statusLine = in.readLine();
            int status = Integer.parseInt(statusLine.split(" ")[1]);
            String contentType = "";
            String retryAfter = null;
            for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                if (line.toLowerCase().startsWith("content-type:")) {
                    contentType = line.substring(13).trim();
                } else if (line.toLowerCase().startsWith("retry-after:")) {
                    retryAfter = line.substring(12).trim();
                }
            }
            if (status != 200 || !contentType.startsWith("text/event-stream")) {
                StringBuilder rest = new StringBuilder();
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    rest.append(line);
                }
                socket.close();
                SseClient refused = new SseClient(socket, status, rest.toString());
                refused.retryAfter = retryAfter;
                return refused;
            }
            SseClient client = new SseClient(socket, status, "");
            Thread reader = new Thread(() -> client.read(in), "sse-client");
            reader.setDaemon(true);
            reader.start();
            return client;
        } catch (IOException e) {
            throw new IllegalStateException("cannot open the event stream: " + e, e);
        }
    }

    int status() {
        return status;
    }

    /** The body of a refused connection. */
    /** The refusal's Retry-After header, if it had one. */
    String retryAfter() {
        return retryAfter;
    }

    String body() {
        return body;
    }

    int heartbeats() {
        return heartbeats.get();
    }

    private void read(BufferedReader in) {
        Long id = null;
        String event = null;
        StringBuilder data = new StringBuilder();
        try {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.isEmpty()) {
                    if (event != null) {
                        frames.add(new Frame(id == null ? -1 : id, event, data.toString(), System.nanoTime()));
                    }
                    id = null;
                    event = null;
                    data.setLength(0);
                } else if (line.startsWith(":")) {
                    heartbeats.incrementAndGet();
                } else if (line.startsWith("id: ")) {
                    id = Long.parseLong(line.substring(4));
                } else if (line.startsWith("event: ")) {
                    event = line.substring(7);
                } else if (line.startsWith("data: ")) {
                    data.append(line.substring(6));
                }
            }
        } catch (IOException closed) {
            // killed or closed by the test
        }
        ended = true;
    }

    /** Whether the server still holds this stream open (its reader has not met the end). */
    boolean isAlive() {
        return !ended;
    }

    /** Closes the connection the polite way (FIN), as a browser tab that is reloaded or closed. */
    void leave() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already gone
        }
    }

    /** Exactly {@code count} frames, waiting up to {@code timeout} for them. */
    List<Frame> await(int count, Duration timeout) throws InterruptedException {
        List<Frame> got = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (got.size() < count) {
            Frame next = frames.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (next == null) {
                fail("expected " + count + " events within " + timeout + ", got " + got.size() + ": "
                        + got.stream().map(f -> f.id() + " " + f.event()).toList());
            }
            got.add(next);
        }
        return got;
    }

    /** Every frame that arrives until none has for {@code quiet}. */
    List<Frame> drain(Duration quiet) throws InterruptedException {
        List<Frame> got = new ArrayList<>();
        for (Frame next = frames.poll(quiet.toNanos(), TimeUnit.NANOSECONDS); next != null;
             next = frames.poll(quiet.toNanos(), TimeUnit.NANOSECONDS)) {
            got.add(next);
        }
        return got;
    }

    /** Drops the connection at once, as a client that crashed or lost its network. */
    void kill() {
        try {
            socket.setSoLinger(true, 0);
            socket.close();
        } catch (IOException ignored) {
            // already gone
        }
    }

    @Override
    public void close() {
        kill();
    }
}
