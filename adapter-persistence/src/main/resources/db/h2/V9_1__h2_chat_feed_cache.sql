-- The embedded store only: the chat feed's identity column, cached as events.feed_id is (V6_1).
ALTER TABLE chat_feed ALTER COLUMN feed_id SET CACHE 1000;
