/** The domain: values that cannot be wrong, the conversation view, conversation groups and their rules. */
module io.conversations.domain {
    exports io.conversations.domain.common;
    exports io.conversations.domain.identity;
    exports io.conversations.domain.chat;
    exports io.conversations.domain.conversation;
    exports io.conversations.domain.group;
    exports io.conversations.domain.event;
}
