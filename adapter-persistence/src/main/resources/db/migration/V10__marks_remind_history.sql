-- Marks, do-not-disturb and history (issue #25), each a user's own state of a conversation:
-- marks: the marks set on it, ascending, each between commas (',1,4,', '' for none): a list filtered by a mark
--        reads only the user's own rows, so a LIKE on them is enough;
-- remind_type: Tencent's name (AcceptAndNotify, AcceptNotNotify: do-not-disturb, Discard);
-- cleared_message_id: the chat's newest message when the user cleared its history (0: never); they read only
--        the messages after it, and no last message shows until a newer one.
ALTER TABLE conversations ADD COLUMN marks VARCHAR(600) NOT NULL DEFAULT '';
ALTER TABLE conversations ADD COLUMN remind_type VARCHAR(16) NOT NULL DEFAULT 'AcceptAndNotify';
ALTER TABLE conversations ADD COLUMN cleared_message_id BIGINT NOT NULL DEFAULT 0;
