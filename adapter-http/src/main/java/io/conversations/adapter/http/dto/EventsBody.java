package io.conversations.adapter.http.dto;

import io.conversations.application.model.EventPage;
import io.conversations.domain.conversation.ConversationId;
import io.conversations.domain.event.ConversationEvent.ConversationDeleted;
import io.conversations.domain.event.ConversationEvent.ConversationListUpdated;
import io.conversations.domain.event.ConversationEvent.GroupListUpdated;
import io.conversations.domain.event.ConversationEvent.GroupRenamed;
import io.conversations.domain.event.ConversationEvent.InGroupUpdated;
import io.conversations.domain.event.RecordedEvent;
import io.conversations.domain.identity.GroupName;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;

/** A batch of events, oldest first, and the newest id the user has. */
public record EventsBody(List<EventBody> events, long last) {
    /** The event that tells a client its place in the log is gone: reload, then go on after {@code id}. */
    public static final String RESYNC = "RESYNC";

    public static EventsBody from(EventPage page, long now) {
        if (page.resync()) {
            return new EventsBody(List.of(EventBody.resync(page.last(), now)), page.last());
        }
        return new EventsBody(page.events().stream().map(EventBody::from).toList(), page.last());
    }

    @JsonbPropertyOrder({"id", "event", "data", "at"})
    public record EventBody(long id, String event, Object data, long at) {
        public static EventBody from(RecordedEvent recorded) {
            return new EventBody(recorded.seq(), recorded.event().type(), dataOf(recorded), recorded.at());
        }

        public static EventBody resync(long last, long now) {
            return new EventBody(last, RESYNC, new ResyncBody(last,
                    "the events after your last id are not in the log (pruned, or that id was never given): "
                            + "reload the conversation list and groups, "
                            + "then apply only events with an id above the list's eventSeq"), now);
        }
    }

    /** The in-group event's data: the group, and the conversations one change added to it and removed from it. */
    @JsonbPropertyOrder({"groupName", "addedConversationIDList", "removedConversationIDList"})
    public record InGroupBody(String groupName,
                              @JsonbProperty("addedConversationIDList") List<String> addedConversationIDList,
                              @JsonbProperty("removedConversationIDList") List<String> removedConversationIDList) {}

    /** The renamed event's data: the group's name before and after. */
    @JsonbPropertyOrder({"oldName", "newName"})
    public record RenamedBody(String oldName, String newName) {}

    /** The deleted event's data: the ids of the conversations the user no longer has. */
    public record DeletedBody(@JsonbProperty("conversationIDList") List<String> conversationIDList) {}

    /** The resync event's data: where the log goes on, and what to do. */
    @JsonbPropertyOrder({"last", "message"})
    public record ResyncBody(long last, String message) {}

    private static Object dataOf(RecordedEvent recorded) {
        if (recorded.event() instanceof ConversationListUpdated e) {
            return ConversationBody.from(e.conversations());
        }
        if (recorded.event() instanceof GroupListUpdated e) {
            return e.groupNames().stream().map(GroupName::value).toList();
        }
        if (recorded.event() instanceof ConversationDeleted e) {
            return new DeletedBody(ids(e.conversationIds()));
        }
        if (recorded.event() instanceof GroupRenamed e) {
            return new RenamedBody(e.oldName().value(), e.newName().value());
        }
        if (recorded.event() instanceof InGroupUpdated e) {
            return new InGroupBody(e.groupName().value(), ids(e.added()), ids(e.removed()));
        }
        throw new IllegalArgumentException("no JSON form for " + recorded.event().type());
    }

    private static List<String> ids(List<ConversationId> ids) {
        return ids.stream().map(ConversationId::toString).toList();
    }
}
