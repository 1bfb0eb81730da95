package io.conversations.bootstrap.architecture.broken.jdbcoutside.adapter.http;

/** Breaks the libraries' places: JDBC outside the persistence adapter. */
public class Route {
    public java.sql.Connection connection;
}
