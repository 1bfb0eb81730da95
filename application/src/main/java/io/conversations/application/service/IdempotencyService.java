package io.conversations.application.service;

import io.conversations.application.port.in.IdempotentWrites;
import io.conversations.application.port.out.Clock;
import io.conversations.application.port.out.IdempotencyKeys;
import io.conversations.application.port.out.Transactions;
import io.conversations.domain.common.Outcome;
import io.conversations.domain.common.Problem;
import java.util.Optional;
import java.util.function.Supplier;

/** Idempotency keys: the key's row, the change and its answer commit together, or none of them does. */
public final class IdempotencyService implements IdempotentWrites {
    private final Transactions transactions;
    private final IdempotencyKeys keys;
    private final Clock clock;

    public IdempotencyService(Transactions transactions, IdempotencyKeys keys, Clock clock) {
        this.transactions = transactions;
        this.keys = keys;
        this.clock = clock;
    }

    @Override
    public Outcome<Answer> run(String scope, String key, String fingerprint, Supplier<Answer> write) {
        return transactions.inTransaction(() -> {
            Optional<IdempotencyKeys.Stored> stored = keys.claim(scope, key, fingerprint, clock.millis());
            if (stored.isPresent()) {
                if (!stored.get().fingerprint().equals(fingerprint)) {
                    return Outcome.rejected(Problem.IDEMPOTENCY_KEY_REUSED, "Idempotency-Key " + key
                            + " was used for another request; a key names one request");
                }
                return Outcome.done(new Answer(stored.get().status(), stored.get().body(), true));
            }
            Answer answer = write.get();
            keys.complete(scope, key, answer.status(), answer.body());
            return Outcome.done(answer);
        });
    }

    /** Forgets the keys older than they must be kept. */
    public long pruneExpired() {
        return transactions.inTransaction(() -> keys.forgetBefore(clock.millis() - KEPT_MILLIS));
    }
}
