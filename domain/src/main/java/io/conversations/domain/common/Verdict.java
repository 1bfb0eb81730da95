package io.conversations.domain.common;

/** What one policy rule says about one change: allowed, or refused with the reason. */
public sealed interface Verdict {

    Verdict ALLOWED = new Allowed();

    record Allowed() implements Verdict {}

    record Refused(Rejection rejection) implements Verdict {}

    static Verdict refused(Problem problem, String message) {
        return new Refused(new Rejection(problem, message));
    }

    default boolean allowed() {
        return this instanceof Allowed;
    }
}
