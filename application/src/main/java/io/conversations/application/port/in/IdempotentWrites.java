package io.conversations.application.port.in;

import io.conversations.domain.common.Outcome;
import java.util.function.Supplier;

/**
 * A write sent with an Idempotency-Key runs once: its answer is stored in the transaction of its change, and
 * the same request sent again under the same key gets that answer again, changing nothing. The same key with
 * another request is refused (40902). Keys are kept at least {@link #KEPT_MILLIS}.
 */
public interface IdempotentWrites {
    long KEPT_MILLIS = 25L * 60 * 60 * 1000;

    /** An answer: its status and body, and whether it is a stored one given again. */
    record Answer(int status, byte[] body, boolean replayed) {}

    /**
     * Runs {@code write} (which answers the request; a use case it calls joins this transaction) unless
     * {@code key} already answered {@code scope}'s request with this {@code fingerprint}.
     */
    Outcome<Answer> run(String scope, String key, String fingerprint, Supplier<Answer> write);
}
