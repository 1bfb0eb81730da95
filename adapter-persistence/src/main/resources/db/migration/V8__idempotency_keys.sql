-- Writes a client may send again safely: the answer to the first request under an Idempotency-Key, stored in
-- the same transaction as the change it answers, and given again to a repeat (kept at least a day).
CREATE TABLE idempotency_keys (
    scope        VARCHAR(200)  NOT NULL,
    idem_key     VARCHAR(64)   NOT NULL,
    fingerprint  CHAR(64)      NOT NULL,
    status       INT           NOT NULL,
    body         MEDIUMBLOB    NOT NULL,
    created_at   BIGINT        NOT NULL,
    PRIMARY KEY (scope, idem_key),
    KEY ix_idempotency_keys_time (created_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;
