package io.conversations.domain.chat;

import io.conversations.domain.common.Fields;
import io.conversations.domain.identity.CorpId;
import io.conversations.domain.identity.UserId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A chat as the corp's backend provisions it: its type, title, avatars and (for a group) owner. */
public record Chat(CorpId corp, ChatId id, ChatType type, String title, List<String> avatarIcons,
                   Optional<UserId> owner, int memberCount) {
    public static final int MAX_TITLE_BYTES = Fields.MAX_LABEL_BYTES;
    public static final int MAX_AVATARS = 9;

    public Chat {
        Objects.requireNonNull(corp, "corp");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        title = Fields.label("title", title);
        avatarIcons = Fields.urls("avatarIcons", avatarIcons, MAX_AVATARS);
        Objects.requireNonNull(owner, "owner");
    }
}
