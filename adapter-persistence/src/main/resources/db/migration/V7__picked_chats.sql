-- DingTalk's pickConversation: the one-time cid a user's pick gives, which the corp's backend may use once.
CREATE TABLE picked_chats (
    cid        VARCHAR(32)  NOT NULL,
    corp_id    VARCHAR(64)  NOT NULL,
    user_id    VARCHAR(64)  NOT NULL,
    chat_id    VARCHAR(64)  NOT NULL,
    picked_at  BIGINT       NOT NULL,
    used_at    BIGINT       NULL,
    PRIMARY KEY (cid),
    KEY ix_picked_chats_time (picked_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;
