package io.conversations.application.port.in;

import io.conversations.domain.identity.CorpId;

/** Creates or renames a corp (the corp's backend, with the admin key). */
public interface ProvisionCorp {
    void put(CorpId corp, String name);
}
