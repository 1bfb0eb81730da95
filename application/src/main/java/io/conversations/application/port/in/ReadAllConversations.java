package io.conversations.application.port.in;

import io.conversations.domain.identity.UserRef;

/** Every conversation of the user read at once (Tencent setAllMessageRead). */
public interface ReadAllConversations {
    void readAll(UserRef user);
}
