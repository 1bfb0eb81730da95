package io.conversations.domain.common;

import java.util.function.Function;

/** What a use case or a rule says: done with a value, or rejected with a reason. */
public sealed interface Outcome<T> {

    record Done<T>(T value) implements Outcome<T> {}

    record Rejected<T>(Rejection rejection) implements Outcome<T> {}

    static <T> Outcome<T> done(T value) {
        return new Done<>(value);
    }

    static <T> Outcome<T> rejected(Problem problem, String message) {
        return new Rejected<>(new Rejection(problem, message));
    }

    static <T> Outcome<T> rejected(Rejection rejection) {
        return new Rejected<>(rejection);
    }

    default <R> Outcome<R> map(Function<T, R> f) {
        if (this instanceof Done<T> done) {
            return new Done<>(f.apply(done.value()));
        }
        return new Rejected<>(((Rejected<T>) this).rejection());
    }
}
