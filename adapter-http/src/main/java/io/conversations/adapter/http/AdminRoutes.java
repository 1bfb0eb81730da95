package io.conversations.adapter.http;

import io.conversations.adapter.http.dto.AdminBodies.ChatBody;
import io.conversations.adapter.http.dto.AdminBodies.CorpBody;
import io.conversations.adapter.http.dto.AdminBodies.TokenBody;
import io.conversations.adapter.http.dto.AdminBodies.UserBody;
import io.conversations.application.port.in.ChangeChatMembership;
import io.conversations.application.port.in.ChatCreated;
import io.conversations.application.port.in.CreateChat;
import io.conversations.application.port.in.IssueToken;
import io.conversations.application.port.in.NewChat;
import io.conversations.application.port.in.ProvisionCorp;
import io.conversations.application.port.in.ProvisionUser;
import io.conversations.domain.chat.ChatId;
import io.conversations.domain.chat.ChatType;
import io.conversations.domain.common.InvalidInput;
import io.conversations.domain.common.Outcome;
import io.conversations.domain.common.Problem;
import io.conversations.domain.identity.CorpId;
import io.conversations.domain.identity.UserId;
import io.conversations.domain.identity.UserRef;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.List;

/** {@code /v1/admin}: what the corp's backend provisions with the admin key. */
public final class AdminRoutes implements RouteTable.RouteSet {
    private static final long DEFAULT_TTL_SECONDS = 3600;
    private final ProvisionCorp provisionCorp;
    private final ProvisionUser provisionUser;
    private final CreateChat createChat;
    private final ChangeChatMembership chatMembership;
    private final IssueToken issueToken;
    private final Exchange exchange = Exchange.SHARED;

    public AdminRoutes(ProvisionCorp provisionCorp, ProvisionUser provisionUser, CreateChat createChat,
                       ChangeChatMembership chatMembership, IssueToken issueToken) {
        this.provisionCorp = provisionCorp;
        this.provisionUser = provisionUser;
        this.createChat = createChat;
        this.chatMembership = chatMembership;
        this.issueToken = issueToken;
    }

    @Override
    public void register(RouteTable routes) {
        routes.admin(HandlerType.PUT, "/v1/admin/corps/{corpId}", this::putCorp);
        routes.admin(HandlerType.PUT, "/v1/admin/corps/{corpId}/users/{userId}", this::putUser);
        routes.admin(HandlerType.POST, "/v1/admin/corps/{corpId}/chats", this::createChat);
        routes.admin(HandlerType.PUT, "/v1/admin/corps/{corpId}/chats/{chatId}/members/{userId}", this::addMember);
        routes.admin(HandlerType.DELETE, "/v1/admin/corps/{corpId}/chats/{chatId}/members/{userId}", this::removeMember);
        routes.admin(HandlerType.POST, "/v1/admin/tokens", this::issueToken);
    }

    void putCorp(Context ctx) {
        CorpId corp = new CorpId(Exchange.path(ctx, "corpId"));
        String name = Exchange.body(ctx).requiredString("name");
        provisionCorp.put(corp, name);
        exchange.json(ctx, 200, new CorpBody(corp.value(), name));
    }

    void putUser(Context ctx) {
        UserRef user = new UserRef(new CorpId(Exchange.path(ctx, "corpId")), new UserId(Exchange.path(ctx, "userId")));
        JsonBody body = Exchange.body(ctx);
        String nick = body.optionalString("nick").orElse("");
        String avatar = body.optionalString("avatarUrl").orElse("");
        exchange.outcome(ctx, provisionUser.put(user, nick, avatar), 200,
                u -> new UserBody(u.corp().value(), u.user().value(), nick, avatar));
    }

    void createChat(Context ctx) {
        CorpId corp = new CorpId(Exchange.path(ctx, "corpId"));
        JsonBody body = Exchange.body(ctx);
        ChatType type;
        try {
            type = ChatType.valueOf(body.requiredString("type"));
        } catch (IllegalArgumentException e) {
            throw new InvalidInput(Problem.MALFORMED, "type must be GROUP or C2C");
        }
        List<UserId> members = body.stringList("memberIds", true).stream().map(UserId::new).toList();
        NewChat chat = new NewChat(corp, type, body.optionalString("chatId").map(ChatId::new),
                body.optionalString("title").orElse(""), body.stringList("avatarIcons", false),
                body.optionalString("ownerId").map(UserId::new), members);
        Outcome<ChatCreated> outcome = createChat.create(chat);
        int status = outcome instanceof Outcome.Done<ChatCreated> done && !done.value().created() ? 200 : 201;
        exchange.outcome(ctx, outcome, status, created -> new ChatBody(created.id().value()));
    }

    void addMember(Context ctx) {
        exchange.noContent(ctx, chatMembership.addMember(new CorpId(Exchange.path(ctx, "corpId")),
                new ChatId(Exchange.path(ctx, "chatId")), new UserId(Exchange.path(ctx, "userId"))));
    }

    void removeMember(Context ctx) {
        exchange.noContent(ctx, chatMembership.removeMember(new CorpId(Exchange.path(ctx, "corpId")),
                new ChatId(Exchange.path(ctx, "chatId")), new UserId(Exchange.path(ctx, "userId"))));
    }

    void issueToken(Context ctx) {
        JsonBody body = Exchange.body(ctx);
        UserRef user = UserRef.of(body.requiredString("corpId"), body.requiredString("userId"));
        long ttl = body.optionalLong("ttlSeconds").orElse(DEFAULT_TTL_SECONDS);
        exchange.outcome(ctx, issueToken.issue(user, ttl), 200,
                issued -> new TokenBody(issued.token(), issued.expiresAt()));
    }
}
