package io.conversations.adapter.http.dto;

import io.conversations.application.port.in.EventPage;
import io.conversations.domain.conversation.ConversationId;
import io.conversations.domain.event.ConversationEvent.ConversationDeleted;
import io.conversations.domain.event.ConversationEvent.ConversationListUpdated;
import io.conversations.domain.event.ConversationEvent.GroupListUpdated;
import io.conversations.domain.event.ConversationEvent.InGroupUpdated;
import io.conversations.domain.event.RecordedEvent;
import io.conversations.domain.group.GroupName;
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

    /** The in-group event's data: the group and the conversations now in it. */
    @JsonbPropertyOrder({"groupName", "conversationList"})
    public record InGroupBody(String groupName, List<ConversationBody> conversationList) {}

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
            return new DeletedBody(e.conversationIds().stream().map(ConversationId::toString).toList());
        }
        InGroupUpdated e = (InGroupUpdated) recorded.event();
        return new InGroupBody(e.groupName().value(), ConversationBody.from(e.conversations()));
    }
}
