package io.conversations.application.model;

/**
 * The store did not answer. Usually whatever was under way was rolled back, so nothing changed; when the store
 * failed while committing, whether the change was made is not known ({@link #outcomeUnknown()}).
 */
public final class StoreUnavailable extends RuntimeException {
    private final boolean outcomeUnknown;

    public StoreUnavailable(String message, Throwable cause) {
        this(message, cause, false);
    }

    private StoreUnavailable(String message, Throwable cause, boolean outcomeUnknown) {
        super(message, cause);
        this.outcomeUnknown = outcomeUnknown;
    }

    /** The commit was sent and its answer lost: the change may or may not have been made. */
    public static StoreUnavailable outcomeUnknown(String message, Throwable cause) {
        return new StoreUnavailable(message, cause, true);
    }

    public boolean outcomeUnknown() {
        return outcomeUnknown;
    }
}
