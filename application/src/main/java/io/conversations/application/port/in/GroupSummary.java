package io.conversations.application.port.in;

import io.conversations.domain.group.GroupName;

/** A group as its tab shows it: name, how many conversations, and the unread badge (their sum). */
public record GroupSummary(GroupName name, int conversationCount, long unreadCount) {}
