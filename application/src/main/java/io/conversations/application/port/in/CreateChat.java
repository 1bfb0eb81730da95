package io.conversations.application.port.in;

import io.conversations.domain.common.Outcome;

/** Provisions a group chat or a one-to-one chat; every member gets a conversation for it. */
public interface CreateChat {
    Outcome<ChatCreated> create(NewChat chat);
}
