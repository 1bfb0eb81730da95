package io.conversations.adapter.persistence;

import io.conversations.application.port.out.IdempotencyKeys;
import java.util.Optional;

/**
 * Idempotency keys in {@code idempotency_keys}. Claiming inserts the key's row: a concurrent claim of the same
 * key waits for that row's transaction, then finds the stored answer (or, if it rolled back, claims it).
 */
final class JdbcIdempotencyKeys implements IdempotencyKeys {
    private final Jdbc jdbc;

    JdbcIdempotencyKeys(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Stored> claim(String scope, String key, String fingerprint, long now) {
        try {
            jdbc.update("INSERT INTO idempotency_keys (scope, idem_key, fingerprint, status, body, created_at) "
                    + "VALUES (?, ?, ?, 0, ?, ?)", scope, key, fingerprint, new byte[0], now);
            return Optional.empty();
        } catch (JdbcFailure e) {
            if (!Jdbc.isDuplicateKey(e.sqlException())) {
                throw e;
            }
        }
        return jdbc.queryOne("SELECT fingerprint, status, body FROM idempotency_keys WHERE scope = ? AND idem_key = ?",
                rs -> new Stored(rs.getString(1), rs.getInt(2), rs.getBytes(3)), scope, key);
    }

    @Override
    public void complete(String scope, String key, int status, byte[] body) {
        jdbc.update("UPDATE idempotency_keys SET status = ?, body = ? WHERE scope = ? AND idem_key = ?",
                status, body, scope, key);
    }

    @Override
    public long forgetBefore(long cutoff) {
        return jdbc.update("DELETE FROM idempotency_keys WHERE created_at < ?", cutoff);
    }
}
