package io.conversations.application.port.in;

import io.conversations.domain.identity.UserRef;

/**
 * The user's total unread: the sum over the conversations their list shows, do-not-disturb ones left out (Tencent
 * getTotalUnreadMessageCount).
 */
public interface CountUnread {
    long totalUnread(UserRef user);
}
