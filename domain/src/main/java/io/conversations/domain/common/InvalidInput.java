package io.conversations.domain.common;

/**
 * Thrown by a value's constructor when what it was given breaks its invariant. Input from outside
 * is turned into values at the edge, so this is how the edge learns what to answer.
 */
public final class InvalidInput extends RuntimeException {
    private final transient Rejection rejection;

    public InvalidInput(Problem problem, String message) {
        super(message, null, false, false);
        this.rejection = new Rejection(problem, message);
    }

    public Rejection rejection() {
        return rejection;
    }
}
