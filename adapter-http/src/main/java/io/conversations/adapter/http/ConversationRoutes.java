package io.conversations.adapter.http;

import io.conversations.adapter.http.dto.ConversationBody;
import io.conversations.adapter.http.dto.ConversationListBody;
import io.conversations.adapter.http.dto.EventsBody;
import io.conversations.application.port.in.ConversationQuery;
import io.conversations.application.port.in.ReadEvents;
import io.conversations.application.port.in.UseCases;
import io.conversations.domain.chat.ChatType;
import io.conversations.domain.common.InvalidInput;
import io.conversations.domain.common.Problem;
import io.conversations.domain.conversation.ConversationId;
import io.conversations.domain.group.GroupName;
import io.conversations.domain.identity.UserRef;
import io.javalin.http.Context;
import java.util.Optional;

/** {@code /v1/conversations} and {@code /v1/events}: reading a user's list, one conversation, and events. */
final class ConversationRoutes {
    private final UseCases useCases;
    private final Exchange exchange;

    ConversationRoutes(UseCases useCases, Exchange exchange) {
        this.useCases = useCases;
        this.exchange = exchange;
    }

    void list(Context ctx, UserRef user) {
        String group = ctx.queryParam("groupName");
        String type = ctx.queryParam("type");
        ConversationQuery query = new ConversationQuery(
                group == null || group.isEmpty() ? Optional.empty() : Optional.of(new GroupName(group)),
                type == null || type.isEmpty() ? Optional.empty() : Optional.of(chatType(type)),
                Exchange.intQuery(ctx, "count", ConversationQuery.DEFAULT_COUNT, 1, ConversationQuery.MAX_COUNT),
                ListCursor.decode(ctx.queryParam("cursor")));
        exchange.outcome(ctx, useCases.listConversations().list(user, query), 200, page -> new ConversationListBody(
                ConversationBody.from(page.conversations()), page.next().map(ListCursor::encode).orElse(""),
                page.finished(), page.eventSeq()));
    }

    void get(Context ctx, UserRef user) {
        String raw = Exchange.path(ctx, "conversationID");
        Optional<ConversationId> id = ConversationId.tryParse(raw);
        if (id.isEmpty()) {
            // An id that cannot exist answers exactly like one that does not.
            exchange.error(ctx, Problem.NOT_FOUND, "no conversation " + raw + " for this user");
            return;
        }
        exchange.outcome(ctx, useCases.getConversation().get(user, id.get()), 200, ConversationBody::from);
    }

    void events(Context ctx, UserRef user) {
        long after = Exchange.longQuery(ctx, "after", 0);
        int limit = Exchange.intQuery(ctx, "limit", ReadEvents.MAX_BATCH, 1, ReadEvents.MAX_BATCH);
        var page = useCases.readEvents().readAfter(user, after, limit);
        exchange.json(ctx, 200, new EventsBody(page.events().stream().map(EventsBody.EventBody::from).toList(),
                page.last()));
    }

    private static ChatType chatType(String type) {
        try {
            return ChatType.valueOf(type);
        } catch (IllegalArgumentException e) {
            throw new InvalidInput(Problem.MALFORMED, "type must be C2C or GROUP");
        }
    }
}
