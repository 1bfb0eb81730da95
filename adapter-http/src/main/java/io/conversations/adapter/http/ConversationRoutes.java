package io.conversations.adapter.http;

import io.conversations.adapter.http.dto.BatchBody;
import io.conversations.adapter.http.dto.ConversationBody;
import io.conversations.adapter.http.dto.ConversationListBody;
import io.conversations.adapter.http.dto.UnreadTotalBody;
import io.conversations.application.model.ConversationPage;
import io.conversations.application.model.ConversationQuery;
import io.conversations.application.port.in.ChangeConversation;
import io.conversations.application.port.in.CountUnread;
import io.conversations.application.port.in.GetConversation;
import io.conversations.application.port.in.ListConversations;
import io.conversations.application.port.in.MarkConversations;
import io.conversations.application.port.in.ReadAllConversations;
import io.conversations.domain.chat.ChatType;
import io.conversations.domain.common.InvalidInput;
import io.conversations.domain.common.Outcome;
import io.conversations.domain.common.Problem;
import io.conversations.domain.conversation.ConversationChange;
import io.conversations.domain.conversation.ConversationId;
import io.conversations.domain.conversation.MarkChange;
import io.conversations.domain.conversation.Marks;
import io.conversations.domain.conversation.RemindType;
import io.conversations.domain.identity.GroupName;
import io.conversations.domain.identity.UserRef;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code /v1/conversations}: a user's list, one conversation and its own state; marks on several at once, all read
 * at once, and the total unread.
 */
public final class ConversationRoutes implements RouteTable.RouteSet {
    private final ListConversations listConversations;
    private final GetConversation getConversation;
    private final ChangeConversation changeConversation;
    private final MarkConversations markConversations;
    private final ReadAllConversations readAll;
    private final CountUnread countUnread;
    private final RenderedViews views;
    private final Exchange exchange = Exchange.SHARED;

    /** {@code views}: first pages kept rendered ({@link RenderedViews#NONE} to render each afresh). */
    public ConversationRoutes(ListConversations listConversations, GetConversation getConversation,
                              ChangeConversation changeConversation, MarkConversations markConversations,
                              ReadAllConversations readAll, CountUnread countUnread, RenderedViews views) {
        this.listConversations = listConversations;
        this.getConversation = getConversation;
        this.changeConversation = changeConversation;
        this.markConversations = markConversations;
        this.readAll = readAll;
        this.countUnread = countUnread;
        this.views = views;
    }

    @Override
    public void register(RouteTable routes) {
        ListCursor cursors = routes.cursors();
        routes.user(HandlerType.GET, "/v1/conversations", (ctx, user) -> list(ctx, user, cursors));
        // Before the conversation's own path: "unread-total" is no conversation id, but the router takes the first match.
        routes.user(HandlerType.GET, "/v1/conversations/unread-total", this::unreadTotal);
        routes.user(HandlerType.POST, "/v1/conversations/marks", this::mark);
        routes.user(HandlerType.POST, "/v1/conversations/read-all", this::readAll);
        routes.user(HandlerType.GET, "/v1/conversations/{conversationID}", this::get);
        routes.user(HandlerType.DELETE, "/v1/conversations/{conversationID}", this::hide);
        routes.user(HandlerType.PUT, "/v1/conversations/{conversationID}/pin", this::pin);
        routes.user(HandlerType.PUT, "/v1/conversations/{conversationID}/draft", this::draft);
        routes.user(HandlerType.PUT, "/v1/conversations/{conversationID}/custom-data", this::customData);
        routes.user(HandlerType.POST, "/v1/conversations/{conversationID}/read", this::markRead);
        routes.user(HandlerType.PUT, "/v1/conversations/{conversationID}/remind-type", this::remindType);
        routes.user(HandlerType.POST, "/v1/conversations/{conversationID}/clear-history", this::clearHistory);
    }

    void list(Context ctx, UserRef user, ListCursor cursors) {
        String group = ctx.queryParam("groupName");
        String type = ctx.queryParam("type");
        ConversationQuery query = new ConversationQuery(
                group == null || group.isEmpty() ? Optional.empty() : Optional.of(new GroupName(group)),
                type == null || type.isEmpty() ? Optional.empty() : Optional.of(chatType(type)),
                Exchange.intQuery(ctx, "count", ConversationQuery.DEFAULT_COUNT, 1, ConversationQuery.MAX_COUNT),
                cursors.decode(ctx.queryParam("cursor")), Optional.empty(), false, markType(ctx),
                Exchange.booleanQuery(ctx, "hasUnreadCount"));
        if (query.after().isPresent()) {
            exchange.outcome(ctx, listConversations.list(user, query), 200, page -> body(page, cursors));
            return;
        }
        // A first page: the rendered answer while the user's event sequence says it is current.
        String key = "list|" + query.group().map(GroupName::value).orElse("") + "|"
                + query.type().map(Enum::name).orElse("") + "|" + query.count() + "|"
                + query.mark().map(String::valueOf).orElse("") + "|" + query.unreadOnly();
        Optional<byte[]> kept = views.find(user, key);
        if (kept.isPresent()) {
            exchange.rendered(ctx, 200, kept.get());
            return;
        }
        RenderedViews.Reservation reservation = views.reserve(user);
        Outcome<ConversationPage> outcome = listConversations.list(user, query);
        if (outcome instanceof Outcome.Done<ConversationPage> done) {
            byte[] rendered = exchange.render(body(done.value(), cursors));
            reservation.keep(key, done.value().eventSeq(), done.value().bigChats(), rendered);
            exchange.rendered(ctx, 200, rendered);
        } else {
            exchange.outcome(ctx, outcome, 200, page -> body(page, cursors));
        }
    }

    private static ConversationListBody body(ConversationPage page, ListCursor cursors) {
        return new ConversationListBody(ConversationBody.from(page.conversations()),
                page.next().map(cursors::encode).orElse(""), page.finished(), page.eventSeq());
    }

    void get(Context ctx, UserRef user) {
        ConversationId id = Exchange.conversationId(ctx, "conversationID");
        exchange.outcome(ctx, getConversation.get(user, id), 200, ConversationBody::from);
    }

    void pin(Context ctx, UserRef user) {
        change(ctx, user, () -> new ConversationChange.Pin(Exchange.body(ctx).requiredBoolean("isPinned")));
    }

    void draft(Context ctx, UserRef user) {
        change(ctx, user, () -> new ConversationChange.Draft(Exchange.body(ctx).requiredString("draftText")));
    }

    void customData(Context ctx, UserRef user) {
        change(ctx, user, () -> new ConversationChange.CustomData(Exchange.body(ctx).requiredString("customData")));
    }

    void markRead(Context ctx, UserRef user) {
        change(ctx, user, ConversationChange.MarkRead::new);
    }

    void hide(Context ctx, UserRef user) {
        ConversationId id = Exchange.conversationId(ctx, "conversationID");
        boolean clearHistory = Exchange.booleanQuery(ctx, "clearHistory");
        exchange.noContent(ctx, changeConversation.change(user, id, new ConversationChange.Hide(clearHistory)));
    }

    void remindType(Context ctx, UserRef user) {
        change(ctx, user, () -> new ConversationChange.Remind(
                RemindType.parse(Exchange.body(ctx).requiredString("messageRemindType"))));
    }

    void clearHistory(Context ctx, UserRef user) {
        change(ctx, user, ConversationChange.ClearHistory::new);
    }

    void mark(Context ctx, UserRef user) {
        JsonBody body = Exchange.body(ctx);
        List<String> ids = body.stringList("conversationIDList", true);
        MarkChange change = new MarkChange(body.requiredLong("markType"), body.requiredBoolean("enableMark"));
        exchange.outcome(ctx, markConversations.mark(user, ids, change), 200, BatchBody.Lists::from);
    }

    void readAll(Context ctx, UserRef user) {
        readAll.readAll(user);
        ctx.status(204);
    }

    void unreadTotal(Context ctx, UserRef user) {
        exchange.json(ctx, 200, new UnreadTotalBody(countUnread.totalUnread(user)));
    }

    private static Optional<Long> markType(Context ctx) {
        String raw = ctx.queryParam("markType");
        if (raw == null || raw.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Marks.check(Long.parseLong(raw)));
        } catch (NumberFormatException e) {
            throw new InvalidInput(Problem.MALFORMED, "markType must be an integer 1.." + Marks.MAX_VALUE);
        }
    }

    /** Reads the change from the request (refusing a bad one) and answers the conversation as it now is. */
    private void change(Context ctx, UserRef user, Supplier<ConversationChange> change) {
        ConversationId id = Exchange.conversationId(ctx, "conversationID");
        exchange.outcome(ctx, changeConversation.change(user, id, change.get()), 200, ConversationBody::from);
    }

    private static ChatType chatType(String type) {
        try {
            return ChatType.valueOf(type);
        } catch (IllegalArgumentException e) {
            throw new InvalidInput(Problem.MALFORMED, "type must be C2C or GROUP");
        }
    }
}
