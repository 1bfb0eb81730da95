package io.conversations.adapter.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.conversations.application.model.StoreUnavailable;
import java.io.PrintWriter;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * What a failed COMMIT means, on connections that fail as Galera and Connector/J do: a certification failure
 * (1213) rolled the transaction back, so it runs again; a connection lost during the COMMIT may have committed, so
 * the caller learns that the outcome is unknown and nothing runs twice; a transaction lost with its node before the
 * COMMIT (25S03 from a statement) runs again.
 */
class FailedCommitTest {
    /** Connections whose commits fail with the scripted errors, in turn, then succeed. */
    private static final class ScriptedDataSource implements DataSource {
        final Deque<SQLException> commitFailures = new ArrayDeque<>();
        final AtomicInteger commits = new AtomicInteger();

        @Override
        public Connection getConnection() {
            return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                    (proxy, method, args) -> {
                        if (method.getName().equals("commit")) {
                            SQLException failure = commitFailures.poll();
                            if (failure != null) {
                                throw failure;
                            }
                            commits.incrementAndGet();
                        }
                        return method.getReturnType() == boolean.class ? Boolean.FALSE : null;
                    });
        }

        @Override
        public Connection getConnection(String user, String password) {
            return getConnection();
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() {
            return Logger.getGlobal();
        }

        @Override
        public <T> T unwrap(Class<T> type) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean isWrapperFor(Class<?> type) {
            return false;
        }
    }

    private final ScriptedDataSource dataSource = new ScriptedDataSource();
    private final JdbcTransactions transactions = new JdbcTransactions(dataSource, StoreState.withoutProbe());
    private final AtomicInteger runs = new AtomicInteger();

    @Test
    void aCertificationFailureAtCommitRunsTheTransactionAgain() {
        dataSource.commitFailures.add(new SQLException("Deadlock found when trying to get lock; try restarting "
                + "transaction", "40001", 1213));
        assertEquals("done", transactions.inTransaction(() -> {
            runs.incrementAndGet();
            return "done";
        }));
        assertEquals(2, runs.get());
        assertEquals(1, dataSource.commits.get());
        assertEquals(1, transactions.retries());
    }

    @Test
    void aConnectionLostDuringTheCommitIsAnOutcomeNobodyKnowsAndNothingRunsTwice() {
        dataSource.commitFailures.add(new SQLTransientConnectionException("Driver has reconnect connection after a "
                + "communications link failure with 127.0.0.1:3311. In progress transaction was lost", "25S03"));
        StoreUnavailable failure = assertThrows(StoreUnavailable.class, () -> transactions.inTransaction(() -> {
            runs.incrementAndGet();
            return "done";
        }));
        assertTrue(failure.outcomeUnknown());
        assertEquals(1, runs.get());
        assertEquals(0, dataSource.commits.get());
    }

    @Test
    void aTransactionLostWithItsNodeBeforeTheCommitRunsAgainOnTheNextNode() {
        assertEquals("done", transactions.inTransaction(() -> {
            if (runs.incrementAndGet() == 1) {
                throw Jdbc.translate("SELECT 1", new SQLTransientConnectionException("Driver has reconnect connection "
                        + "after a communications link failure with 127.0.0.1:3311. In progress transaction was lost",
                        "25S03"));
            }
            return "done";
        }));
        assertEquals(2, runs.get());
        assertEquals(1, dataSource.commits.get());
    }
}
