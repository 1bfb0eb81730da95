package io.conversations.adapter.persistence.testing;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Each test of a class whose MariaDB database could not be made is reported as skipped, with the reason
 * (outside CI; under CI the class fails before its tests). The class itself always runs its set-up.
 */
public final class SkipWithoutMariaDb implements ExecutionCondition {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (context.getTestMethod().isEmpty() || MariaDbTestDatabase.unreachable().isEmpty()) {
            return ConditionEvaluationResult.enabled("MariaDB answers, or not decided yet");
        }
        return ConditionEvaluationResult.disabled(MariaDbTestDatabase.unreachable().get()
                + "; skipping the MariaDB tests (set CI=true to make this a failure)");
    }
}
