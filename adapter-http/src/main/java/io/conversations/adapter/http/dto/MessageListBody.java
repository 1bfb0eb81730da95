package io.conversations.adapter.http.dto;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;

/** A page of a chat's messages, newest first. */
@JsonbPropertyOrder({"messageList", "nextCursor", "isFinished"})
public record MessageListBody(List<MessageBody> messageList, String nextCursor, boolean isFinished) {}
