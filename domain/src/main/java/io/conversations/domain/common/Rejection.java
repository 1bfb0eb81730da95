package io.conversations.domain.common;

import java.util.Objects;

/** Why a rule or a value refused something: the problem and a sentence for the developer. */
public record Rejection(Problem problem, String message) {
    public Rejection {
        Objects.requireNonNull(problem, "problem");
        Objects.requireNonNull(message, "message");
    }
}
