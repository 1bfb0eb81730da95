package io.conversations.adapter.http.dto;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;

/** One page of the conversation list. */
@JsonbPropertyOrder({"conversationList", "nextCursor", "isFinished", "eventSeq"})
public record ConversationListBody(List<ConversationBody> conversationList, String nextCursor, boolean isFinished,
                                   long eventSeq) {

    // Yasson keeps each object it writes in a hash set (to catch cycles): a record's own hashCode would hash
    // the whole tree below it again at every level, the largest cost of writing a page. Identity is enough.
    @Override
    public boolean equals(Object other) {
        return this == other;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
