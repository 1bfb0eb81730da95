package io.conversations.adapter.http;

import io.conversations.adapter.http.dto.MessageBody;
import io.conversations.adapter.http.dto.MessageListBody;
import io.conversations.application.port.in.ReadMessages;
import io.conversations.application.port.in.SendMessage;
import io.conversations.application.port.in.ShareToChat;
import io.conversations.domain.chat.ChatId;
import io.conversations.domain.chat.MessageContent;
import io.conversations.domain.chat.MessageType;
import io.conversations.domain.common.InvalidInput;
import io.conversations.domain.common.Problem;
import io.conversations.domain.identity.CorpId;
import io.conversations.domain.identity.UserRef;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** {@code /v1/chats/{chatId}/messages}: sending into a chat and reading its history, members only. */
public final class MessageRoutes implements RouteTable.RouteSet {
    private final SendMessage sendMessage;
    private final ReadMessages readMessages;
    private final ShareToChat shareToChat;
    private final Exchange exchange = Exchange.SHARED;

    public MessageRoutes(SendMessage sendMessage, ReadMessages readMessages, ShareToChat shareToChat) {
        this.sendMessage = sendMessage;
        this.readMessages = readMessages;
        this.shareToChat = shareToChat;
    }

    @Override
    public void register(RouteTable routes) {
        routes.user(HandlerType.POST, "/v1/chats/{chatId}/messages", this::send);
        routes.user(HandlerType.GET, "/v1/chats/{chatId}/messages", this::list);
        routes.admin(HandlerType.POST, "/v1/admin/corps/{corpId}/picked-chats/{cid}/messages", this::sendToPicked);
    }

    void send(Context ctx, UserRef user) {
        ChatId chat = Exchange.chatId(ctx, "chatId");
        exchange.outcome(ctx, sendMessage.send(user, chat, content(Exchange.body(ctx))), 201,
                MessageBody::from);
    }

    /**
     * {@code POST /v1/admin/corps/{corpId}/picked-chats/{cid}/messages}: the corp's backend posts one message into the
     * chat a user picked with pickConversation, as that user; the cid is then used up.
     */
    void sendToPicked(Context ctx) {
        CorpId corp = new CorpId(Exchange.path(ctx, "corpId"));
        MessageContent content = content(Exchange.body(ctx));
        exchange.outcome(ctx, shareToChat.sendToPicked(corp, Exchange.path(ctx, "cid"), content), 201,
                MessageBody::from);
    }

    private static MessageContent content(JsonBody body) {
        MessageType type;
        try {
            type = MessageType.valueOf(body.requiredString("type").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInput(Problem.MALFORMED, "type must be text, image or link");
        }
        Optional<JsonBody> attachment = body.optionalObject("attachment");
        return new MessageContent(type, body.optionalString("text").orElse(""),
                attachment.map(a -> a.stringList("images", false)).orElse(List.of()),
                attachment.flatMap(a -> a.optionalString("url")).orElse(""),
                attachment.flatMap(a -> a.optionalString("title")).orElse(""));
    }

    void list(Context ctx, UserRef user) {
        ChatId chat = Exchange.chatId(ctx, "chatId");
        int count = Exchange.intQuery(ctx, "count", ReadMessages.DEFAULT_COUNT, 1, ReadMessages.MAX_COUNT);
        exchange.outcome(ctx, readMessages.read(user, chat, count, cursor(ctx.queryParam("cursor"))),
                200, page -> new MessageListBody(page.messages().stream().map(MessageBody::from).toList(),
                        page.nextBefore().map(MessageRoutes::cursor).orElse(""), page.nextBefore().isEmpty()));
    }

    private static String cursor(long before) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("m1|" + before).getBytes(StandardCharsets.UTF_8));
    }

    private static Optional<Long> cursor(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return Optional.empty();
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (raw.startsWith("m1|")) {
                return Optional.of(Long.parseLong(raw.substring(3)));
            }
        } catch (IllegalArgumentException e) {
            // answered below
        }
        throw new InvalidInput(Problem.MALFORMED, "cursor is not one this service gave out");
    }
}
