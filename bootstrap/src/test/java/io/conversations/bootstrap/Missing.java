package io.conversations.bootstrap;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/** What a test needs from the machine is not there: skipped with the reason, except under CI=true, a failure. */
final class Missing {
    private Missing() {
    }

    static void skipOrFail(String why) {
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            Assertions.fail(why + " (CI=true: not skipped)");
        }
        Assumptions.abort(why);
    }
}
