package io.conversations.adapter.http.dto;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;

/** One page of the conversation list. */
@JsonbPropertyOrder({"conversationList", "nextCursor", "isFinished", "eventSeq"})
public record ConversationListBody(List<ConversationBody> conversationList, String nextCursor, boolean isFinished,
                                   long eventSeq) {}
