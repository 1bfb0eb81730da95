package io.conversations.application.port.in;

import io.conversations.domain.chat.ChatId;
import io.conversations.domain.chat.ChatType;
import io.conversations.domain.identity.CorpId;
import io.conversations.domain.identity.UserId;
import java.util.List;
import java.util.Optional;

/** A chat to provision: a group chat (id optional, title, avatars, owner, members) or a C2C pair. */
public record NewChat(CorpId corp, ChatType type, Optional<ChatId> id, String title, List<String> avatarIcons,
                      Optional<UserId> owner, List<UserId> members) {
    public NewChat {
        avatarIcons = List.copyOf(avatarIcons);
        members = List.copyOf(members);
    }
}
