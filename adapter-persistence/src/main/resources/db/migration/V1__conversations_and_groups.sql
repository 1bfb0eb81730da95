-- One schema for both stores: MariaDB, and H2 in MariaDB mode (which ignores the table options).
-- Identifiers and names compare exactly (binary, no pad): 'Suppliers' and 'suppliers ' are two groups.

CREATE TABLE corps (
    corp_id     VARCHAR(64)  NOT NULL,
    name        VARCHAR(255) NOT NULL,
    created_at  BIGINT       NOT NULL,
    PRIMARY KEY (corp_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;

-- last_event_seq is the user's gap-free event counter; locking this row serialises the user's writers.
CREATE TABLE users (
    corp_id         VARCHAR(64)   NOT NULL,
    user_id         VARCHAR(64)   NOT NULL,
    nick            VARCHAR(255)  NOT NULL,
    avatar_url      VARCHAR(1024) NOT NULL,
    last_event_seq  BIGINT        NOT NULL DEFAULT 0,
    created_at      BIGINT        NOT NULL,
    PRIMARY KEY (corp_id, user_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;

-- c2c_pair is "<smaller userId> <larger userId>" for one-to-one chats: two users share at most one.
CREATE TABLE chats (
    corp_id       VARCHAR(64)  NOT NULL,
    chat_id       VARCHAR(64)  NOT NULL,
    chat_type     VARCHAR(8)   NOT NULL,
    title         VARCHAR(255) NOT NULL,
    avatar_icons  TEXT         NOT NULL,
    owner_id      VARCHAR(64)  NULL,
    c2c_pair      VARCHAR(130) NULL,
    member_count  INT          NOT NULL,
    created_at    BIGINT       NOT NULL,
    PRIMARY KEY (corp_id, chat_id),
    UNIQUE KEY uq_chats_c2c_pair (corp_id, c2c_pair)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;

CREATE TABLE chat_members (
    corp_id    VARCHAR(64) NOT NULL,
    chat_id    VARCHAR(64) NOT NULL,
    user_id    VARCHAR(64) NOT NULL,
    joined_at  BIGINT      NOT NULL,
    PRIMARY KEY (corp_id, chat_id, user_id),
    KEY ix_chat_members_user (corp_id, user_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;

-- A user's own view of a chat they are in. ix_conversations_list serves the list in its order.
CREATE TABLE conversations (
    corp_id          VARCHAR(64)   NOT NULL,
    user_id          VARCHAR(64)   NOT NULL,
    conversation_id  VARCHAR(72)   NOT NULL,
    chat_id          VARCHAR(64)   NOT NULL,
    chat_type        VARCHAR(8)    NOT NULL,
    peer_id          VARCHAR(64)   NULL,
    is_pinned        BOOLEAN       NOT NULL DEFAULT FALSE,
    draft_text       TEXT          NOT NULL,
    custom_data      VARCHAR(256)  NOT NULL DEFAULT '',
    unread_count     INT           NOT NULL DEFAULT 0,
    hidden           BOOLEAN       NOT NULL DEFAULT FALSE,
    activity_at      BIGINT        NOT NULL,
    updated_at       BIGINT        NOT NULL,
    PRIMARY KEY (corp_id, user_id, conversation_id),
    KEY ix_conversations_list (corp_id, user_id, is_pinned, activity_at, conversation_id),
    KEY ix_conversations_chat (corp_id, chat_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;

-- group_id orders a user's groups by creation and survives renames.
CREATE TABLE conversation_groups (
    group_id    BIGINT       NOT NULL AUTO_INCREMENT,
    corp_id     VARCHAR(64)  NOT NULL,
    user_id     VARCHAR(64)  NOT NULL,
    group_name  VARCHAR(32)  NOT NULL,
    created_at  BIGINT       NOT NULL,
    PRIMARY KEY (group_id),
    UNIQUE KEY uq_conversation_groups_name (corp_id, user_id, group_name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;

CREATE TABLE group_conversations (
    group_id         BIGINT       NOT NULL,
    corp_id          VARCHAR(64)  NOT NULL,
    user_id          VARCHAR(64)  NOT NULL,
    conversation_id  VARCHAR(72)  NOT NULL,
    added_at         BIGINT       NOT NULL,
    position         BIGINT       NOT NULL,
    PRIMARY KEY (group_id, conversation_id),
    KEY ix_group_conversations_user (corp_id, user_id, conversation_id),
    CONSTRAINT fk_group_conversations_group FOREIGN KEY (group_id) REFERENCES conversation_groups (group_id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;

-- Each user's durable event log, numbered by users.last_event_seq.
CREATE TABLE events (
    corp_id     VARCHAR(64)  NOT NULL,
    user_id     VARCHAR(64)  NOT NULL,
    seq         BIGINT       NOT NULL,
    event_type  VARCHAR(40)  NOT NULL,
    data        LONGTEXT     NOT NULL,
    created_at  BIGINT       NOT NULL,
    PRIMARY KEY (corp_id, user_id, seq),
    KEY ix_events_created (created_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;
