package io.conversations.domain.identity;

import io.conversations.domain.common.Ids;

/** A user within a corp, as the corp's own backend names them. */
public record UserId(String value) {
    public UserId {
        Ids.check("userId", value);
    }

    @Override
    public String toString() {
        return value;
    }
}
