package io.conversations.domain.event;

import io.conversations.domain.conversation.Conversation;
import io.conversations.domain.conversation.ConversationId;
import io.conversations.domain.identity.GroupName;
import java.util.List;
import java.util.Objects;

/**
 * A change a user's clients learn of, named like the Tencent SDK's events. Each is as large as what changed:
 * a client that holds the list applies them in order and reaches the server's state.
 */
public sealed interface ConversationEvent {

    /** The name clients see as the event type. */
    String type();

    /**
     * {@code CONVERSATION_LIST_UPDATED}: conversations whose own state changed (a message, unread count, pin, draft,
     * custom data, hidden, a new chat or profile), as they are now. A change of group membership alone is not one.
     */
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

    /**
     * {@code CONVERSATION_GROUP_RENAMED}: a group's old and new name, recorded just before the group list, so that a
     * client carries the group's conversations over instead of losing them with the old name.
     */
    record GroupRenamed(GroupName oldName, GroupName newName) implements ConversationEvent {
        public GroupRenamed {
            Objects.requireNonNull(oldName, "oldName");
            Objects.requireNonNull(newName, "newName");
        }

        @Override
        public String type() {
            return "CONVERSATION_GROUP_RENAMED";
        }
    }

    /**
     * {@code CONVERSATION_IN_GROUP_UPDATED}: what one change added to and removed from one group, never the group's
     * whole list (a group may hold 1,000 conversations); a client applies it to the list it holds.
     */
    record InGroupUpdated(GroupName groupName, List<ConversationId> added, List<ConversationId> removed)
            implements ConversationEvent {
        public InGroupUpdated {
            Objects.requireNonNull(groupName, "groupName");
            added = List.copyOf(added);
            removed = List.copyOf(removed);
        }

        public static InGroupUpdated added(GroupName groupName, List<ConversationId> ids) {
            return new InGroupUpdated(groupName, ids, List.of());
        }

        public static InGroupUpdated removed(GroupName groupName, List<ConversationId> ids) {
            return new InGroupUpdated(groupName, List.of(), ids);
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
