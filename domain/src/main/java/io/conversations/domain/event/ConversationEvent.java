package io.conversations.domain.event;

import io.conversations.domain.conversation.Conversation;
import io.conversations.domain.conversation.ConversationId;
import io.conversations.domain.group.GroupName;
import java.util.List;

/** A change a user's clients learn of, shaped like the Tencent SDK's events of the same names. */
public sealed interface ConversationEvent {

    /** The name clients see as the event type. */
    String type();

    /** {@code CONVERSATION_LIST_UPDATED}: the conversations that changed, as they are now. */
    record ConversationListUpdated(List<Conversation> conversations) implements ConversationEvent {
        public ConversationListUpdated {
            conversations = List.copyOf(conversations);
        }

        @Override
        public String type() {
            return "CONVERSATION_LIST_UPDATED";
        }
    }

    /** {@code CONVERSATION_GROUP_LIST_UPDATED}: the full list of the user's group names. */
    record GroupListUpdated(List<GroupName> groupNames) implements ConversationEvent {
        public GroupListUpdated {
            groupNames = List.copyOf(groupNames);
        }

        @Override
        public String type() {
            return "CONVERSATION_GROUP_LIST_UPDATED";
        }
    }

    /** {@code CONVERSATION_IN_GROUP_UPDATED}: a group's name and the conversations now in it. */
    record InGroupUpdated(GroupName groupName, List<Conversation> conversations) implements ConversationEvent {
        public InGroupUpdated {
            conversations = List.copyOf(conversations);
        }

        @Override
        public String type() {
            return "CONVERSATION_IN_GROUP_UPDATED";
        }
    }

    /**
     * {@code CONVERSATION_DELETED}: conversations the user no longer has (they left the chat), as the
     * native SDKs' {@code onConversationDeleted}. A hidden conversation is not deleted: it is listed as updated.
     */
    record ConversationDeleted(List<ConversationId> conversationIds) implements ConversationEvent {
        public ConversationDeleted {
            conversationIds = List.copyOf(conversationIds);
        }

        @Override
        public String type() {
            return "CONVERSATION_DELETED";
        }
    }
}
