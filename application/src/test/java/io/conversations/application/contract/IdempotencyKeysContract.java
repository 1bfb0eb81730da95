package io.conversations.application.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.conversations.application.port.out.IdempotencyKeys;
import org.junit.jupiter.api.Test;

/** What every implementation of the {@code IdempotencyKeys} out-port must do, whichever store is behind it. */
public abstract class IdempotencyKeysContract extends StoreFixture {
    @Test
    void anIdempotencyKeyIsClaimedOnceAndGivesBackItsAnswerPerScope() {
        String scope = corp + "/alice";
        assertTrue(tx(() -> ports.idempotency().claim(scope, "k1", "f1", 1_000)).isEmpty());
        if (rollsBack()) {
            // A claim whose transaction fails leaves the key free.
            assertThrows(IllegalStateException.class, () -> tx(() -> {
                ports.idempotency().claim(scope, "k2", "f2", 1_000);
                throw new IllegalStateException("boom");
            }));
            assertTrue(tx(() -> ports.idempotency().claim(scope, "k2", "f2", 1_000)).isEmpty());
        }
        tx(() -> {
            ports.idempotency().complete(scope, "k1", 201, "{\"ok\":1}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return null;
        });
        IdempotencyKeys.Stored stored = tx(() -> ports.idempotency().claim(scope, "k1", "other", 2_000)).orElseThrow();
        assertEquals("f1", stored.fingerprint());
        assertEquals(201, stored.status());
        assertEquals("{\"ok\":1}", new String(stored.body(), java.nio.charset.StandardCharsets.UTF_8));
        assertTrue(tx(() -> ports.idempotency().claim(corp + "/bob", "k1", "f1", 2_000)).isEmpty(), "per scope");
        assertTrue(tx(() -> ports.idempotency().forgetBefore(1_001)) >= 1);
        assertTrue(tx(() -> ports.idempotency().claim(scope, "k1", "f9", 3_000)).isEmpty(), "pruned: free again");
    }
}
