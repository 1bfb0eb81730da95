package io.conversations.adapter.http.dto;

import io.conversations.domain.conversation.MarkChange;
import io.conversations.domain.group.BatchResult;
import io.conversations.domain.conversation.Failure;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;

/** The success and failure lists of a change to several conversations. */
@JsonbPropertyOrder({"groupName", "successConversationIDList", "failureConversationIDList"})
public record BatchBody(String groupName,
                        @JsonbProperty("successConversationIDList") List<String> successConversationIDList,
                        @JsonbProperty("failureConversationIDList") List<FailureBody> failureConversationIDList) {

    @JsonbPropertyOrder({"conversationID", "code", "message"})
    public record FailureBody(@JsonbProperty("conversationID") String conversationID, int code, String message) {}

    public static BatchBody from(BatchResult result) {
        return new BatchBody(result.group().value(), result.succeeded(), failures(result.failed()));
    }

    static List<FailureBody> failures(List<Failure> failed) {
        return failed.stream().map(f -> new FailureBody(f.conversationId(), f.problem().code(), f.message())).toList();
    }

    /** The same lists for a batch that names no group (marks). */
    @JsonbPropertyOrder({"successConversationIDList", "failureConversationIDList"})
    public record Lists(@JsonbProperty("successConversationIDList") List<String> successConversationIDList,
                        @JsonbProperty("failureConversationIDList") List<FailureBody> failureConversationIDList) {

        public static Lists from(MarkChange.Result result) {
            return new Lists(result.succeeded(), failures(result.failed()));
        }
    }
}
