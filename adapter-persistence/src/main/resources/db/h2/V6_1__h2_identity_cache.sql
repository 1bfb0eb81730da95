-- The embedded store only (Store runs db/h2 after db/migration on H2). H2 writes an identity column's state
-- into its schema every CACHE values (32 by default); that write was 12% of a message's time, which takes ten
-- events ids and a message id. A clean stop records the exact value; a crash skips at most the cached ones,
-- which the event tail treats as any other gap in feed_id.
ALTER TABLE events ALTER COLUMN feed_id SET CACHE 1000;
ALTER TABLE messages ALTER COLUMN message_id SET CACHE 1000;
