package io.conversations.adapter.http;

import io.conversations.adapter.http.dto.ChatBodies;
import io.conversations.application.model.ConversationQuery;
import io.conversations.application.port.in.GetConversation;
import io.conversations.application.port.in.PickableChats;
import io.conversations.application.port.in.ResolveChat;
import io.conversations.application.port.in.ShareToChat;
import io.conversations.domain.chat.ChatId;
import io.conversations.domain.common.Problem;
import io.conversations.domain.conversation.ConversationId;
import io.conversations.domain.identity.CorpId;
import io.conversations.domain.identity.UserRef;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.Optional;

/** DingTalk's chat calls: pick a chat in the corp, jump to one, describe one. The {@code cid} is the caller's conversation id. */
public final class ChatRoutes implements RouteTable.RouteSet {
    private final PickableChats pickableChats;
    private final ResolveChat resolveChat;
    private final ShareToChat shareToChat;
    private final GetConversation getConversation;
    private final Exchange exchange = Exchange.SHARED;

    public ChatRoutes(PickableChats pickableChats, ResolveChat resolveChat, ShareToChat shareToChat,
                      GetConversation getConversation) {
        this.pickableChats = pickableChats;
        this.resolveChat = resolveChat;
        this.shareToChat = shareToChat;
        this.getConversation = getConversation;
    }

    @Override
    public void register(RouteTable routes) {
        routes.user(HandlerType.GET, "/v1/chats/{cid}/info", this::info);
        ListCursor cursors = routes.cursors();
        routes.user(HandlerType.GET, "/v1/corps/{corpId}/chats", (ctx, user) -> pickable(ctx, user, cursors));
        routes.user(HandlerType.GET, "/v1/corps/{corpId}/chats/{chatId}", this::resolve);
        routes.user(HandlerType.POST, "/v1/corps/{corpId}/chats/{chatId}/pick", this::pick);
    }

    void pickable(Context ctx, UserRef user, ListCursor cursors) {
        CorpId corp = new CorpId(Exchange.path(ctx, "corpId"));
        String query = ctx.queryParam("query");
        exchange.outcome(ctx, pickableChats.pickable(user, corp,
                        query == null || query.isEmpty() ? Optional.empty() : Optional.of(query),
                        Exchange.intQuery(ctx, "count", ConversationQuery.DEFAULT_COUNT, 1, ConversationQuery.MAX_COUNT),
                        cursors.decode(ctx.queryParam("cursor"))), 200,
                page -> new ChatBodies.PickableList(page.conversations().stream()
                        .map(c -> new ChatBodies.Pickable(c.id().toString(), c.chatId().value(), c.title())).toList(),
                        page.next().map(cursors::encode).orElse(""), page.finished()));
    }

    void resolve(Context ctx, UserRef user) {
        CorpId corp = new CorpId(Exchange.path(ctx, "corpId"));
        if (!corp.equals(user.corp())) {
            exchange.error(ctx, Problem.FOREIGN_CORP, "corp " + corp + " is not the caller's own");
            return;
        }
        ChatId chat = Exchange.chatId(ctx, "chatId");
        exchange.outcome(ctx, resolveChat.resolve(user, corp, chat), 200,
                c -> new ChatBodies.Resolved(c.chatId().value(), c.id().toString(), c.title()));
    }

    /** pickConversation's confirmation: a one-time cid the corp's backend may post one message with. */
    void pick(Context ctx, UserRef user) {
        CorpId corp = new CorpId(Exchange.path(ctx, "corpId"));
        ChatId chat = Exchange.chatId(ctx, "chatId");
        exchange.outcome(ctx, shareToChat.pick(user, corp, chat), 201,
                p -> new ChatBodies.Picked(p.cid(), p.conversation().chatId().value(), p.conversation().id().toString(),
                        p.conversation().title()));
    }

    /** {@code cid}: the caller's conversation id, or the one-time cid of a chat they picked (echoed back as is). */
    void info(Context ctx, UserRef user) {
        String raw = Exchange.path(ctx, "cid");
        if (ShareToChat.looksLikeCid(raw)) {
            exchange.outcome(ctx, shareToChat.picked(user, raw), 200,
                    c -> new ChatBodies.Info(raw, c.title(), c.avatarIcons(), c.memberCount()));
            return;
        }
        ConversationId cid = Exchange.conversationId(ctx, "cid");
        exchange.outcome(ctx, getConversation.get(user, cid), 200,
                c -> new ChatBodies.Info(c.id().toString(), c.title(), c.avatarIcons(), c.memberCount()));
    }
}
