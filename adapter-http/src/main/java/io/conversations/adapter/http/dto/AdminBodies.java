package io.conversations.adapter.http.dto;

/** The small answers of the provisioning calls. */
public final class AdminBodies {
    private AdminBodies() {}

    public record CorpBody(String corpId, String name) {}

    public record UserBody(String corpId, String userId, String nick, String avatarUrl) {}

    public record ChatBody(String chatId) {}

    public record TokenBody(String token, long expiresAt) {}

    public record HealthBody(String status) {}
}
