-- A chat's messages; message_id grows with time and orders a chat's history.
CREATE TABLE messages (
    message_id   BIGINT        NOT NULL AUTO_INCREMENT,
    corp_id      VARCHAR(64)   NOT NULL,
    chat_id      VARCHAR(64)   NOT NULL,
    sender_id    VARCHAR(64)   NOT NULL,
    msg_type     VARCHAR(8)    NOT NULL,
    text         TEXT          NOT NULL,
    images       TEXT          NOT NULL,
    link_url     VARCHAR(1024) NOT NULL,
    link_title   VARCHAR(255)  NOT NULL,
    sent_at      BIGINT        NOT NULL,
    PRIMARY KEY (message_id),
    KEY ix_messages_chat (corp_id, chat_id, message_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;

ALTER TABLE conversations ADD COLUMN last_message_id BIGINT NULL;
