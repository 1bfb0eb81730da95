package io.conversations.adapter.http.dto;

import io.conversations.domain.chat.Message;
import io.conversations.domain.chat.MessageContent;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;

/** A message as API.md shows it; {@code attachment} is {@code {"images"}}, {@code {"url","title"}} or null. */
@JsonbPropertyOrder({"messageId", "chatId", "senderId", "type", "text", "attachment", "sentAt"})
public record MessageBody(String messageId, String chatId, String senderId, String type, String text, Object attachment,
                          long sentAt) {

    public record Images(List<String> images) {}

    @JsonbPropertyOrder({"url", "title"})
    public record Link(String url, String title) {}

    public static MessageBody from(Message m) {
        MessageContent c = m.content();
        Object attachment = switch (c.type()) {
            case TEXT -> null;
            case IMAGE -> new Images(c.images());
            case LINK -> new Link(c.linkUrl(), c.linkTitle());
        };
        return new MessageBody(Long.toString(m.id()), m.chat().value(), m.sender().value(), c.type().wireName(),
                c.text(), attachment, m.sentAt());
    }
}
