package io.conversations.application.port.in;

import io.conversations.application.model.ConversationPage;
import io.conversations.application.model.ListPosition;
import io.conversations.domain.common.Outcome;
import io.conversations.domain.identity.CorpId;
import io.conversations.domain.identity.UserRef;
import java.util.Optional;

/**
 * The chats a user can pick in their own corp, optionally those whose title contains a text
 * (DingTalk pickConversation / chooseConversationByCorpId). Another corp answers 40301.
 */
public interface PickableChats {
    Outcome<ConversationPage> pickable(UserRef user, CorpId corp, Optional<String> titleContains, int count,
                                       Optional<ListPosition> after);
}
