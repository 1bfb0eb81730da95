/** The out-ports on MariaDB or on an embedded H2 file in MariaDB mode, through HikariCP and plain JDBC. */
module io.conversations.adapter.persistence {
    requires transitive io.conversations.application;
    requires java.sql;
    requires com.zaxxer.hikari;
    requires flyway.core;
    requires org.mariadb.jdbc;
    requires com.h2database;
    requires jakarta.json;
    requires org.slf4j;

    exports io.conversations.adapter.persistence;
    opens db.migration;
}
