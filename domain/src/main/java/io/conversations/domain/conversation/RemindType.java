package io.conversations.domain.conversation;

import io.conversations.domain.common.InvalidInput;
import io.conversations.domain.common.Problem;

/**
 * How a user takes new messages in a conversation (Tencent's message remind types, by their names). A
 * do-not-disturb conversation counts its own unread but is left out of the total and of its groups' badges; a
 * discarded one counts no unread and does not move up on new messages.
 */
public enum RemindType {
    ACCEPT_AND_NOTIFY("AcceptAndNotify"),
    ACCEPT_NOT_NOTIFY("AcceptNotNotify"),
    DISCARD("Discard");

    private final String wireName;

    RemindType(String wireName) {
        this.wireName = wireName;
    }

    /** The name the contract (and Tencent's {@code TYPES.MSG_REMIND_*}) gives it. */
    public String wireName() {
        return wireName;
    }

    /** Its unread is left out of the user's total and their groups' badges. */
    public boolean muted() {
        return this == ACCEPT_NOT_NOTIFY;
    }

    public static RemindType parse(String name) {
        for (RemindType type : values()) {
            if (type.wireName.equals(name)) {
                return type;
            }
        }
        throw new InvalidInput(Problem.MALFORMED,
                "messageRemindType must be AcceptAndNotify, AcceptNotNotify or Discard");
    }
}
