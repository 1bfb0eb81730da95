package io.conversations.domain.identity;

import io.conversations.domain.common.Ids;

/** A company that runs the service for its users; every piece of data belongs to exactly one. */
public record CorpId(String value) {
    public CorpId {
        Ids.check("corpId", value);
    }

    @Override
    public String toString() {
        return value;
    }
}
