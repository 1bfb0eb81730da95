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
        if (mariaDbUrl.isPresent() && !mariaDbUrl.get().startsWith("jdbc:mariadb://")) {
            throw new IllegalArgumentException("CONVERSATIONS_DB_URL must be jdbc:mariadb://host:port/db");
        }
        if (poolSize < 1) {
            throw new IllegalArgumentException("poolSize must be positive");
        }
    }

    public static StoreSettings embedded(Path dataDir) {
        return new StoreSettings(Optional.empty(), "", "", dataDir, 10);
    }

    public static StoreSettings mariaDb(String url, String user, String password) {
        return new StoreSettings(Optional.of(url), user, password, Path.of("."), 10);
    }
}
