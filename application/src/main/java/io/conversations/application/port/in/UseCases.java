package io.conversations.application.port.in;

import io.conversations.application.view.RenderedViews;

/** Every use case, as the driving adapters receive them from bootstrap. */
public record UseCases(
        CreateGroup createGroup,
        RenameGroup renameGroup,
        DeleteGroup deleteGroup,
        AddConversationsToGroup addToGroup,
        RemoveConversationsFromGroup removeFromGroup,
        ListGroups listGroups,
        ListConversations listConversations,
        GetConversation getConversation,
        ChangeConversation changeConversation,
        ReadEvents readEvents,
        FollowEvents followEvents,
        SendMessage sendMessage,
        ReadMessages readMessages,
        PickableChats pickableChats,
        ResolveChat resolveChat,
        ShareToChat shareToChat,
        IdempotentWrites idempotentWrites,
        ProvisionCorp provisionCorp,
        ProvisionUser provisionUser,
        CreateChat createChat,
        ChangeChatMembership chatMembership,
        IssueToken issueToken,
        IdentifyUser identifyUser,
        CheckHealth checkHealth,
        RenderedViews renderedViews) {}
