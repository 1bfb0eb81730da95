package io.conversations.domain.chat;

import io.conversations.domain.common.InvalidInput;
import io.conversations.domain.common.Problem;
import io.conversations.domain.common.Utf8;
import io.conversations.domain.identity.CorpId;
import io.conversations.domain.identity.UserId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A chat as the corp's backend provisions it: its type, title, avatars and (for a group) owner. */
public record Chat(CorpId corp, ChatId id, ChatType type, String title, List<String> avatarIcons,
                   Optional<UserId> owner, int memberCount) {
    public static final int MAX_TITLE_BYTES = 255;
    public static final int MAX_AVATARS = 9;
    public static final int MAX_URL_BYTES = 1024;

    public Chat {
        Objects.requireNonNull(corp, "corp");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        title = checkTitle(title);
        avatarIcons = checkAvatars(avatarIcons);
        Objects.requireNonNull(owner, "owner");
    }

    public static String checkTitle(String title) {
        String t = title == null ? "" : title;
        if (Utf8.bytes(t) > MAX_TITLE_BYTES || Utf8.hasControlOrBrokenCharacters(t)) {
            throw new InvalidInput(Problem.MALFORMED, "title must be at most " + MAX_TITLE_BYTES
                    + " bytes of UTF-8 without control characters");
        }
        return t;
    }

    public static List<String> checkAvatars(List<String> icons) {
        List<String> list = icons == null ? List.of() : List.copyOf(icons);
        if (list.size() > MAX_AVATARS) {
            throw new InvalidInput(Problem.MALFORMED, "avatarIcons holds at most " + MAX_AVATARS + " URLs");
        }
        for (String url : list) {
            checkUrl("avatarIcons", url);
        }
        return list;
    }

    public static String checkUrl(String field, String url) {
        if (url == null || url.isEmpty() || Utf8.bytes(url) > MAX_URL_BYTES || url.chars().anyMatch(Character::isWhitespace)
                || Utf8.hasControlOrBrokenCharacters(url)) {
            throw new InvalidInput(Problem.MALFORMED, field + " must hold URLs of 1.." + MAX_URL_BYTES
                    + " bytes without spaces");
        }
        return url;
    }
}
