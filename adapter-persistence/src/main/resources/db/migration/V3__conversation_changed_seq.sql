-- The user's event sequence number of the last CONVERSATION_LIST_UPDATED that carried this
-- conversation: a list cursor leaves out what changed after its first page (events report it).
ALTER TABLE conversations ADD COLUMN changed_seq BIGINT NOT NULL DEFAULT 0;
