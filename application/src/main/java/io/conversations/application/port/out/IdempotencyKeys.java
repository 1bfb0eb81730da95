package io.conversations.application.port.out;

import java.util.Optional;

/** The answers given to writes sent with an Idempotency-Key, by caller (scope) and key. */
public interface IdempotencyKeys {

    /** What was answered to the first request under a key: its request's fingerprint, status and body. */
    record Stored(String fingerprint, int status, byte[] body) {}

    /**
     * Claims {@code key} for the current transaction: empty when it is new (its row is then held until the
     * transaction ends, so a concurrent request with the same key waits), else what was stored under it.
     */
    Optional<Stored> claim(String scope, String key, String fingerprint, long now);

    /** Stores the answer under the key claimed in this transaction. */
    void complete(String scope, String key, int status, byte[] body);

    /** Forgets keys claimed before {@code cutoff}; returns how many. */
    long forgetBefore(long cutoff);
}
