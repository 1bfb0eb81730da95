package io.conversations.adapter.persistence;

import java.sql.SQLException;

/** An SQL statement failed for a reason that is a bug or a constraint, not an unreachable store. */
final class JdbcFailure extends RuntimeException {
    JdbcFailure(String sql, SQLException cause) {
        super(cause.getMessage() + " [" + sql + "]", cause);
    }

    SQLException sqlException() {
        return (SQLException) getCause();
    }
}
