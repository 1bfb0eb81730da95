package io.conversations.domain.identity;

import java.util.Objects;

/** A user is only ever known together with their corp: this pair is who a request acts for. */
public record UserRef(CorpId corp, UserId user) {
    public UserRef {
        Objects.requireNonNull(corp, "corp");
        Objects.requireNonNull(user, "user");
    }

    public static UserRef of(String corp, String user) {
        return new UserRef(new CorpId(corp), new UserId(user));
    }
}
