-- The embedded store's probe (StoreState.embedded): after the file failed (a full disk), the store is back only
-- once a write commits to it again, so the probe writes this one row while the store is down, and never else.
CREATE TABLE store_probe (
    id INT PRIMARY KEY,
    probed_at BIGINT NOT NULL
);
INSERT INTO store_probe (id, probed_at) VALUES (1, 0);
