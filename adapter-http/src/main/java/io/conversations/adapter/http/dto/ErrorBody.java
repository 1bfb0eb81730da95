package io.conversations.adapter.http.dto;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * Every error: the contract's code and a sentence for the developer; {@code requestId} (an addition) names the
 * request in the service's logs, and is left out where no request id was given yet.
 */
@JsonbPropertyOrder({"code", "message", "requestId"})
public record ErrorBody(int code, String message, String requestId) {
    public ErrorBody(int code, String message) {
        this(code, message, null);
    }
}
