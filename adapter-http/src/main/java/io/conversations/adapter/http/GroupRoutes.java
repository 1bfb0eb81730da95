package io.conversations.adapter.http;

import io.conversations.adapter.http.dto.BatchBody;
import io.conversations.adapter.http.dto.GroupListBody;
import io.conversations.adapter.http.dto.GroupNameBody;
import io.conversations.application.port.in.UseCases;
import io.conversations.domain.identity.GroupName;
import io.conversations.domain.identity.UserRef;
import io.javalin.http.Context;
import java.util.List;

/** {@code /v1/conversation-groups}: the Tencent SDK's conversation-group calls. */
final class GroupRoutes {
    private final UseCases useCases;
    private final Exchange exchange;

    GroupRoutes(UseCases useCases, Exchange exchange) {
        this.useCases = useCases;
        this.exchange = exchange;
    }

    void list(Context ctx, UserRef user) {
        exchange.json(ctx, 200, GroupListBody.from(useCases.listGroups().list(user)));
    }

    void create(Context ctx, UserRef user) {
        JsonBody body = Exchange.body(ctx);
        GroupName name = new GroupName(body.requiredString("groupName"));
        List<String> ids = body.stringList("conversationIDList", false);
        exchange.outcome(ctx, useCases.createGroup().create(user, name, ids), 201, BatchBody::from);
    }

    void rename(Context ctx, UserRef user) {
        GroupName from = new GroupName(Exchange.path(ctx, "groupName"));
        GroupName to = new GroupName(Exchange.body(ctx).requiredString("newName"));
        exchange.outcome(ctx, useCases.renameGroup().rename(user, from, to), 200, n -> new GroupNameBody(n.value()));
    }

    void delete(Context ctx, UserRef user) {
        GroupName name = new GroupName(Exchange.path(ctx, "groupName"));
        exchange.noContent(ctx, useCases.deleteGroup().delete(user, name));
    }

    void addConversations(Context ctx, UserRef user) {
        GroupName name = new GroupName(Exchange.path(ctx, "groupName"));
        List<String> ids = Exchange.body(ctx).stringList("conversationIDList", true);
        exchange.outcome(ctx, useCases.addToGroup().add(user, name, ids), 200, BatchBody::from);
    }

    void removeConversations(Context ctx, UserRef user) {
        GroupName name = new GroupName(Exchange.path(ctx, "groupName"));
        List<String> ids = Exchange.body(ctx).stringList("conversationIDList", true);
        exchange.outcome(ctx, useCases.removeFromGroup().remove(user, name, ids), 200, BatchBody::from);
    }
}
