package io.conversations.application.model;

import io.conversations.domain.identity.GroupName;

/** A group as its tab shows it: name, how many conversations, and the unread badge (their sum). */
public record GroupSummary(GroupName name, int conversationCount, long unreadCount) {}
