package io.conversations.domain.chat;

import io.conversations.domain.common.Ids;

/** A chat within a corp: a group chat's id is chosen or generated, a one-to-one chat's is generated. */
public record ChatId(String value) {
    public ChatId {
        Ids.check("chatId", value);
    }

    @Override
    public String toString() {
        return value;
    }
}
