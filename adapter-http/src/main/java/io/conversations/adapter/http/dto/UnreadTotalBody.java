package io.conversations.adapter.http.dto;

/** {@code GET /conversations/unread-total}: what Tencent's getTotalUnreadMessageCount shows. */
public record UnreadTotalBody(long totalUnreadCount) {}
