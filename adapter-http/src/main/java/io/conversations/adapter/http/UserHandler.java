package io.conversations.adapter.http;

import io.conversations.domain.identity.UserRef;
import io.javalin.http.Context;

/** A route handler that runs only for an authenticated user, and is told who they are. */
@FunctionalInterface
interface UserHandler {
    void handle(Context ctx, UserRef user) throws Exception;
}
