package io.conversations.application.port.out;

/** The store did not answer; whatever was under way was rolled back, so nothing changed. */
public final class StoreUnavailable extends RuntimeException {
    public StoreUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
