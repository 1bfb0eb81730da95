package io.conversations.adapter.http;

import io.conversations.adapter.http.dto.BatchBody;
import io.conversations.adapter.http.dto.GroupListBody;
import io.conversations.adapter.http.dto.GroupNameBody;
import io.conversations.application.port.in.AddConversationsToGroup;
import io.conversations.application.port.in.CreateGroup;
import io.conversations.application.port.in.DeleteGroup;
import io.conversations.application.port.in.ListGroups;
import io.conversations.application.port.in.RemoveConversationsFromGroup;
import io.conversations.application.port.in.RenameGroup;
import io.conversations.domain.identity.GroupName;
import io.conversations.domain.identity.UserRef;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.List;

/** {@code /v1/conversation-groups}: the Tencent SDK's conversation-group calls. */
public final class GroupRoutes implements RouteTable.RouteSet {
    private final ListGroups listGroups;
    private final CreateGroup createGroup;
    private final RenameGroup renameGroup;
    private final DeleteGroup deleteGroup;
    private final AddConversationsToGroup addToGroup;
    private final RemoveConversationsFromGroup removeFromGroup;
    private final Exchange exchange = Exchange.SHARED;

    public GroupRoutes(ListGroups listGroups, CreateGroup createGroup, RenameGroup renameGroup, DeleteGroup deleteGroup,
                       AddConversationsToGroup addToGroup, RemoveConversationsFromGroup removeFromGroup) {
        this.listGroups = listGroups;
        this.createGroup = createGroup;
        this.renameGroup = renameGroup;
        this.deleteGroup = deleteGroup;
        this.addToGroup = addToGroup;
        this.removeFromGroup = removeFromGroup;
    }

    @Override
    public void register(RouteTable routes) {
        routes.user(HandlerType.GET, "/v1/conversation-groups", this::list);
        routes.user(HandlerType.POST, "/v1/conversation-groups", this::create);
        routes.user(HandlerType.PATCH, "/v1/conversation-groups/{groupName}", this::rename);
        routes.user(HandlerType.DELETE, "/v1/conversation-groups/{groupName}", this::delete);
        routes.user(HandlerType.POST, "/v1/conversation-groups/{groupName}/conversations", this::addConversations);
        routes.user(HandlerType.DELETE, "/v1/conversation-groups/{groupName}/conversations", this::removeConversations);
    }

    void list(Context ctx, UserRef user) {
        exchange.json(ctx, 200, GroupListBody.from(listGroups.list(user)));
    }

    void create(Context ctx, UserRef user) {
        JsonBody body = Exchange.body(ctx);
        GroupName name = GroupName.chosen(body.requiredString("groupName"));
        List<String> ids = body.stringList("conversationIDList", false);
        exchange.outcome(ctx, createGroup.create(user, name, ids), 201, BatchBody::from);
    }

    void rename(Context ctx, UserRef user) {
        GroupName from = new GroupName(Exchange.path(ctx, "groupName"));
        GroupName to = GroupName.chosen(Exchange.body(ctx).requiredString("newName"));
        exchange.outcome(ctx, renameGroup.rename(user, from, to), 200, n -> new GroupNameBody(n.value()));
    }

    void delete(Context ctx, UserRef user) {
        GroupName name = new GroupName(Exchange.path(ctx, "groupName"));
        exchange.noContent(ctx, deleteGroup.delete(user, name));
    }

    void addConversations(Context ctx, UserRef user) {
        GroupName name = new GroupName(Exchange.path(ctx, "groupName"));
        List<String> ids = Exchange.body(ctx).stringList("conversationIDList", true);
        exchange.outcome(ctx, addToGroup.add(user, name, ids), 200, BatchBody::from);
    }

    void removeConversations(Context ctx, UserRef user) {
        GroupName name = new GroupName(Exchange.path(ctx, "groupName"));
        List<String> ids = Exchange.body(ctx).stringList("conversationIDList", true);
        exchange.outcome(ctx, removeFromGroup.remove(user, name, ids), 200, BatchBody::from);
    }
}
