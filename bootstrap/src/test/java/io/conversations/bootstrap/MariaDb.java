package io.conversations.bootstrap;

import io.conversations.adapter.persistence.testing.MariaDbTestDatabase;
import io.conversations.adapter.persistence.testing.SkipWithoutMariaDb;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A test class's own MariaDB database, created before its tests and dropped after them. Unreachable outside CI,
 * each test is reported as skipped with the reason.
 */
final class MariaDb implements BeforeAllCallback, AfterAllCallback, ExecutionCondition {
    private final SkipWithoutMariaDb skip = new SkipWithoutMariaDb();
    private MariaDbTestDatabase database;

    @Override
    public void beforeAll(ExtensionContext context) {
        database = MariaDbTestDatabase.createForClass().orElse(null);
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return skip.evaluateExecutionCondition(context);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (database != null) {
            database.close();
        }
    }

    /** The service's settings for this database, as environment variables. */
    Map<String, String> settings() {
        return Map.of("CONVERSATIONS_DB_URL", database.url(),
                "CONVERSATIONS_DB_USER", MariaDbTestDatabase.user(),
                "CONVERSATIONS_DB_PASSWORD", MariaDbTestDatabase.password());
    }

    /** The same settings as command-line flags. */
    List<String> flags() {
        return settings().entrySet().stream()
                .map(e -> "--" + e.getKey().toLowerCase().replace('_', '-') + "=" + e.getValue()).toList();
    }
}
