package io.conversations.adapter.http;

import io.conversations.domain.common.Problem;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Requests the server refuses before any route runs (a URI with broken percent-encoding, say)
 * are answered in the contract's JSON error shape too, never with Jetty's HTML page.
 */
final class JettyJsonErrors extends ErrorHandler {

    /** Every method gets a body, not only GET, POST and HEAD as Jetty's default has it. */
    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        // 505 (an HTTP version Jetty does not speak) is the client's request, not our failure.
        boolean ours = code >= 500 && code != 505;
        int apiCode = code == 404 ? Problem.NOT_FOUND.code()
                : code == 405 ? Problem.METHOD_NOT_ALLOWED.code()
                : code == 503 ? Problem.STORE_UNAVAILABLE.code()
                : ours ? 50000 : Problem.MALFORMED.code();
        // Jetty answers 503 itself while the node stops (its graceful shutdown): the client should go elsewhere.
        String text = code == 503 ? "this node cannot take the request now (it is stopping); send it again, to another node if there is one"
                : ours ? "internal error" : "bad request: " + (message == null ? "the request is malformed" : message);
        if (code == 503) {
            response.getHeaders().put(HttpHeader.RETRY_AFTER, "1");
        }
        String json = "{\"code\":" + apiCode + ",\"message\":\"" + escape(text) + "\"}";
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Exchange.JSON);
        response.write(true, ByteBuffer.wrap(json.getBytes(StandardCharsets.UTF_8)), callback);
    }

    private static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
