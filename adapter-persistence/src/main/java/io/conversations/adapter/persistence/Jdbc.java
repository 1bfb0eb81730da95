package io.conversations.adapter.persistence;

import io.conversations.application.model.StoreUnavailable;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;

/** The few JDBC moves every repository makes, on the connection of the current transaction. */
final class Jdbc {
    private static final int ROWS_PER_INSERT = 500;
    private final JdbcTransactions transactions;

    Jdbc(JdbcTransactions transactions) {
        this.transactions = transactions;
    }

    /** The transactions this runs in: what the current one holds is known there. */
    JdbcTransactions transactions() {
        return transactions;
    }

    /** Reads one row into a value. */
    @FunctionalInterface
    interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    int update(String sql, Object... params) {
        try (PreparedStatement ps = prepare(sql, params)) {
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw translate(sql, e);
        }
    }

    /** Inserts one row and answers the key the database generated for it. */
    long insertReturningKey(String sql, Object... params) {
        try (PreparedStatement ps = transactions.connection().prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            bind(ps, params);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                if (!keys.next()) {
                    throw new IllegalStateException("no generated key for " + sql);
                }
                return keys.getLong(1);
            }
        } catch (SQLException e) {
            throw translate(sql, e);
        }
    }

    /** Runs one statement for each parameter row, as one batch. */
    void batch(String sql, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = transactions.connection().prepareStatement(sql)) {
            for (Object[] row : rows) {
                bind(ps, row);
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw translate(sql, e);
        }
    }

    /**
     * Inserts rows with multi-row {@code INSERT ... VALUES (...), (...)} statements: one round trip per
     * {@value #ROWS_PER_INSERT} rows, and (unlike a JDBC batch) an AUTO_INCREMENT block of exactly the rows' size.
     */
    void insertRows(String table, String columns, int width, List<Object[]> rows) {
        String row = "(" + placeholders(width) + ")";
        for (int from = 0; from < rows.size(); from += ROWS_PER_INSERT) {
            List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + ROWS_PER_INSERT));
            StringJoiner values = new StringJoiner(", ");
            List<Object> params = new ArrayList<>(chunk.size() * width);
            for (Object[] r : chunk) {
                values.add(row);
                params.addAll(List.of(r));
            }
            update("INSERT INTO " + table + " (" + columns + ") VALUES " + values, params.toArray());
        }
    }

    <T> List<T> query(String sql, RowMapper<T> mapper, Object... params) {
        try (PreparedStatement ps = prepare(sql, params); ResultSet rs = ps.executeQuery()) {
            List<T> out = new ArrayList<>();
            while (rs.next()) {
                out.add(mapper.map(rs));
            }
            return out;
        } catch (SQLException e) {
            throw translate(sql, e);
        }
    }

    <T> Optional<T> queryOne(String sql, RowMapper<T> mapper, Object... params) {
        List<T> rows = query(sql, mapper, params);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    /** "?, ?, ?" for an IN list of {@code n} values. */
    static String placeholders(int n) {
        StringJoiner joiner = new StringJoiner(", ");
        for (int i = 0; i < n; i++) {
            joiner.add("?");
        }
        return joiner.toString();
    }

    /** Statement parameters in order; a collection among them stands for each of its elements in turn. */
    static Object[] params(Object... parts) {
        List<Object> all = new ArrayList<>();
        for (Object part : parts) {
            if (part instanceof Collection<?> many) {
                all.addAll(many);
            } else {
                all.add(part);
            }
        }
        return all.toArray();
    }

    static boolean isDuplicateKey(SQLException e) {
        return "23000".equals(e.getSQLState()) || "23505".equals(e.getSQLState()) || e.getErrorCode() == 1062;
    }

    private PreparedStatement prepare(String sql, Object[] params) throws SQLException {
        Connection c = transactions.connection();
        PreparedStatement ps = c.prepareStatement(sql);
        try {
            bind(ps, params);
        } catch (SQLException e) {
            ps.close();
            throw e;
        }
        return ps;
    }

    private static void bind(PreparedStatement ps, Object[] params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            ps.setObject(i + 1, params[i]);
        }
    }

    static RuntimeException translate(String sql, SQLException e) {
        if (JdbcTransactions.isRetryable(e)) {
            return new JdbcFailure(sql, e); // the transaction is run again from the start
        }
        if (e instanceof SQLTransientConnectionException || (e.getSQLState() != null && e.getSQLState().startsWith("08"))
                || Store.isBrokenFile(e)) {
            return new StoreUnavailable("the store is unavailable: " + e.getMessage(), e);
        }
        return new JdbcFailure(sql, e);
    }
}
