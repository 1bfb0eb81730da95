-- Big chats (issue #24): a message into a chat of many members writes the chat's own state, not every member's.
-- A chat is big from a configured size on (CONVERSATIONS_BIG_CHAT_MEMBERS) and stays big. For a big chat:
-- msg_seq counts its messages, last_message_id and activity_at are its newest message, and version counts every
-- change its members see (a message, a member in or out); each member's view is derived on read from these and
-- the member's own row (conversations: unread = msg_seq - unread_base; hidden until msg_seq passes hidden_seq;
-- seen_version: the chat's version that the member's event log last carried).
ALTER TABLE chats ADD COLUMN big BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE chats ADD COLUMN msg_seq BIGINT NOT NULL DEFAULT 0;
ALTER TABLE chats ADD COLUMN last_message_id BIGINT NULL;
ALTER TABLE chats ADD COLUMN activity_at BIGINT NOT NULL DEFAULT 0;
ALTER TABLE chats ADD COLUMN version BIGINT NOT NULL DEFAULT 0;
ALTER TABLE conversations ADD COLUMN big BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE conversations ADD COLUMN unread_base BIGINT NOT NULL DEFAULT 0;
ALTER TABLE conversations ADD COLUMN hidden_seq BIGINT NOT NULL DEFAULT 0;
ALTER TABLE conversations ADD COLUMN seen_version BIGINT NOT NULL DEFAULT 0;
-- A user's conversations of big chats: what their list merges in, and what is still to be told to them.
CREATE INDEX ix_conversations_big ON conversations (corp_id, user_id, big);

-- The feed of big chats' changes, read by every node's tail beside the users' events (one row a change,
-- whatever the chat's size): a node tells the members who have a stream open there.
CREATE TABLE chat_feed (
    feed_id     BIGINT       NOT NULL AUTO_INCREMENT,
    corp_id     VARCHAR(64)  NOT NULL,
    chat_id     VARCHAR(64)  NOT NULL,
    version     BIGINT       NOT NULL,
    created_at  BIGINT       NOT NULL,
    PRIMARY KEY (feed_id),
    KEY ix_chat_feed_created (created_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;
