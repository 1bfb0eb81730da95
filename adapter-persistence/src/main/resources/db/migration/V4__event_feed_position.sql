-- feed_id orders every user's events as they were written, across users and nodes: a node's tail reads
-- what is new for all its connected clients with one query (WHERE feed_id > ?). It is assigned at insert
-- and becomes visible at commit, so the tail also re-asks for the gaps it saw for a while (see EventStreams).
ALTER TABLE events ADD COLUMN feed_id BIGINT NOT NULL AUTO_INCREMENT UNIQUE;
