package io.conversations.adapter.http;

import io.conversations.domain.common.Problem;

/** The one table from a refusal to its HTTP status; the body's code is the problem's own. */
final class ErrorTable {
    private ErrorTable() {}

    static int status(Problem problem) {
        return switch (problem) {
            case ID_LIST_EMPTY_OR_TOO_LONG, GROUP_NAME_LENGTH, MALFORMED, GROUP_NAME_CONTROL_CHARACTERS -> 400;
            case UNAUTHENTICATED -> 401;
            case FOREIGN_CORP -> 403;
            case GROUP_NOT_FOUND, NOT_FOUND -> 404;
            case METHOD_NOT_ALLOWED -> 405;
            case BODY_TOO_LARGE -> 413;
            case UNSUPPORTED_MEDIA_TYPE -> 415;
            case GROUP_LIMIT, ALREADY_EXISTS, GROUPED_CONVERSATION_LIMIT, IDEMPOTENCY_KEY_REUSED, MARK_LIMIT -> 409;
            case TOO_MANY_STREAMS, RATE_LIMITED -> 429;
            case STORE_UNAVAILABLE, NODE_FULL, OUTCOME_UNKNOWN -> 503;
        };
    }
}
