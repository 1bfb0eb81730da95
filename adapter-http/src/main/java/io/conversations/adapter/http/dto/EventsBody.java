package io.conversations.adapter.http.dto;

import io.conversations.domain.event.ConversationEvent.ConversationListUpdated;
import io.conversations.domain.event.ConversationEvent.GroupListUpdated;
import io.conversations.domain.event.ConversationEvent.InGroupUpdated;
import io.conversations.domain.event.RecordedEvent;
import io.conversations.domain.group.GroupName;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;

/** A batch of events, oldest first, and the newest id the user has. */
public record EventsBody(List<EventBody> events, long last) {

    @JsonbPropertyOrder({"id", "event", "data", "at"})
    public record EventBody(long id, String event, Object data, long at) {
        public static EventBody from(RecordedEvent recorded) {
            return new EventBody(recorded.seq(), recorded.event().type(), dataOf(recorded), recorded.at());
        }
    }

    /** The in-group event's data: the group and the conversations now in it. */
    @JsonbPropertyOrder({"groupName", "conversationList"})
    public record InGroupBody(String groupName, List<ConversationBody> conversationList) {}

    private static Object dataOf(RecordedEvent recorded) {
        if (recorded.event() instanceof ConversationListUpdated e) {
            return ConversationBody.from(e.conversations());
        }
        if (recorded.event() instanceof GroupListUpdated e) {
            return e.groupNames().stream().map(GroupName::value).toList();
        }
        InGroupUpdated e = (InGroupUpdated) recorded.event();
        return new InGroupBody(e.groupName().value(), ConversationBody.from(e.conversations()));
    }
}
