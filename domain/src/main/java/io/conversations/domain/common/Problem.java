package io.conversations.domain.common;

/**
 * Every way a request can be refused, with the code the contract gives it. Where Tencent Cloud
 * Chat's conversation-group API defines a code for the same failure, the number is Tencent's.
 */
public enum Problem {
    ID_LIST_EMPTY_OR_TOO_LONG(51006),
    GROUPED_CONVERSATION_LIMIT(51008),
    GROUP_NOT_FOUND(51009),
    GROUP_LIMIT(51010),
    GROUP_NAME_LENGTH(51011),
    MALFORMED(40001),
    GROUP_NAME_CONTROL_CHARACTERS(40002),
    UNAUTHENTICATED(40101),
    FOREIGN_CORP(40301),
    NOT_FOUND(40401),
    METHOD_NOT_ALLOWED(40501),
    ALREADY_EXISTS(40901),
    TOO_MANY_STREAMS(42901),
    /** The caller sent more requests than its rate limit lets through. */
    RATE_LIMITED(42902),
    STORE_UNAVAILABLE(50301),
    NODE_FULL(50302),
    /** An Idempotency-Key sent again with another request. */
    IDEMPOTENCY_KEY_REUSED(40902),
    /** A conversation that has the maximum of marks takes no other (per id of a batch). */
    MARK_LIMIT(40903),
    /** A request body larger than the service takes (1,000,000 bytes), refused before it is read. */
    BODY_TOO_LARGE(41301),
    /** A request body declared as something other than JSON (a form, text, multipart). */
    UNSUPPORTED_MEDIA_TYPE(41501),
    /** The store failed while committing: the change may or may not have been made. */
    OUTCOME_UNKNOWN(50303);

    private final int code;

    Problem(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
