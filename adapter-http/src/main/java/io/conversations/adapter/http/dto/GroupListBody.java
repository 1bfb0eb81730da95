package io.conversations.adapter.http.dto;

import io.conversations.application.model.GroupSummary;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;

/** The user's groups with their counts and unread badges, in creation order. */
public record GroupListBody(List<Entry> groupList) {

    @JsonbPropertyOrder({"groupName", "conversationCount", "unreadCount"})
    public record Entry(String groupName, int conversationCount, long unreadCount) {}

    public static GroupListBody from(List<GroupSummary> groups) {
        return new GroupListBody(groups.stream()
                .map(g -> new Entry(g.name().value(), g.conversationCount(), g.unreadCount())).toList());
    }
}
