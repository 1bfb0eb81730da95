package io.conversations.adapter.persistence;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the data lives: MariaDB when a JDBC URL is given, otherwise the embedded H2 file under
 * {@code dataDir}. {@code poolSize} bounds the connections either way.
 */
public record StoreSettings(Optional<String> mariaDbUrl, String user, String password, Path dataDir, int poolSize) {
    public StoreSettings {
        Objects.requireNonNull(mariaDbUrl, "mariaDbUrl");
        Objects.requireNonNull(dataDir, "dataDir");
        user = user == null ? "" : user;
        password = password == null ? "" : password;
        mariaDbUrl.ifPresent(StoreSettings::checkUrl);
        if (poolSize < 1) {
            throw new IllegalArgumentException("poolSize must be positive");
        }
    }

    /**
     * Refuses a database URL the store cannot use, naming what is wrong (a password in it masked): one MariaDB
     * server ({@code jdbc:mariadb://host:port/db}) or the nodes of a Galera cluster in the order every service node
     * tries them ({@code jdbc:mariadb:sequential://n1:3306,n2:3306,n3:3306/db}). Connector/J's other modes spread
     * one service's writes over several nodes at once, where they conflict: refused, saying why.
     */
    public static void checkUrl(String url) {
        String shown = masked(url);
        var mode = java.util.regex.Pattern.compile("jdbc:mariadb:([a-z-]+)://.*").matcher(url);
        if (mode.matches() && !mode.group(1).equals("sequential")) {
            throw new IllegalArgumentException("CONVERSATIONS_DB_URL: jdbc:mariadb:" + mode.group(1) + ":// spreads "
                    + "writes over several database nodes at once; use jdbc:mariadb:sequential://n1,n2,n3/db (every "
                    + "node of the service in the same order) for a Galera cluster; got " + shown);
        }
        if (!url.matches("jdbc:mariadb:(sequential:)?//[^/?\\s]+/[^/?\\s]+(\\?\\S*)?")) {
            throw new IllegalArgumentException("CONVERSATIONS_DB_URL must be jdbc:mariadb://host:port/db, or "
                    + "jdbc:mariadb:sequential://host1:port,host2:port,host3:port/db for a Galera cluster; got " + shown);
        }
    }

    /** The URL with a password in it masked, for messages and logs. */
    static String masked(String url) {
        return url.replaceAll("(?i)(password=)[^&]*", "$1***");
    }

    public static StoreSettings embedded(Path dataDir) {
        return new StoreSettings(Optional.empty(), "", "", dataDir, 10);
    }

    public static StoreSettings mariaDb(String url, String user, String password) {
        return new StoreSettings(Optional.of(url), user, password, Path.of("."), 10);
    }
}
