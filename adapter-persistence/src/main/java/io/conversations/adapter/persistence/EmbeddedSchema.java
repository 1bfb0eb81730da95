package io.conversations.adapter.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The embedded store's schema made at build time, so that a start does not need Flyway when there is nothing to
 * migrate. The build (adapter-persistence's pom, phase process-classes) runs {@link #main} once: Flyway migrates
 * an empty H2 file with this build's migrations, and the compacted file and the history Flyway wrote into it go
 * into the jar. At a start a data directory without a store file gets that file ({@link #seedIfFresh}), and a
 * file whose history is exactly the jar's ({@link #currentVersion}) is used as it is; any other file (an older
 * schema, a failed migration, a jar built without the template) goes through Flyway as before, which migrates and
 * validates it. Flyway made every byte of the template; nothing here writes schema.
 */
final class EmbeddedSchema {
    static final String FILE = "conversations.mv.db";
    private static final String TEMPLATE = "/db/embedded/" + FILE;
    private static final String HISTORY = "/db/embedded/history.tsv";

    private EmbeddedSchema() {
    }

    /**
     * Puts the template file into {@code dir} when it holds no store file yet: copied beside it and renamed, so a
     * start that dies meanwhile leaves no half file. Does nothing when the jar has no template.
     */
    static void seedIfFresh(Path dir) {
        Path file = dir.resolve(FILE);
        if (Files.exists(file)) {
            return;
        }
        try (InputStream template = EmbeddedSchema.class.getResourceAsStream(TEMPLATE)) {
            if (template == null) {
                return;
            }
            Path part = Files.createTempFile(dir, "conversations-", ".mv.db.part");
            try {
                Files.copy(template, part, StandardCopyOption.REPLACE_EXISTING);
                Files.move(part, file, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(part);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the store file " + file, e);
        }
    }

    /**
     * The schema version when the store's migration history is exactly the one this build's template holds (every
     * migration applied and successful, with the same checksums): then Flyway would find nothing to migrate and
     * nothing to refuse. Null otherwise, and when the history cannot be read (a file Flyway never migrated).
     */
    static String currentVersion(DataSource dataSource) {
        List<String> expected = readHistory();
        if (expected == null || expected.isEmpty()) {
            return null;
        }
        try (Connection c = dataSource.getConnection()) {
            List<String> found = history(c);
            c.commit();
            if (found == null || !found.equals(expected)) {
                return null;
            }
            return expected.get(expected.size() - 1).split("\t", 2)[0];
        } catch (SQLException e) {
            return null; // no history table: Flyway decides
        }
    }

    /** One line a migration, in the order applied: version, description, type, checksum; null if one failed. */
    private static List<String> history(Connection c) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT version, description, type, checksum, success "
                     + "FROM flyway_schema_history ORDER BY installed_rank")) {
            while (rs.next()) {
                if (!rs.getBoolean(5)) {
                    return null;
                }
                lines.add(rs.getString(1) + "\t" + rs.getString(2) + "\t" + rs.getString(3) + "\t" + rs.getString(4));
            }
        }
        return lines;
    }

    private static List<String> readHistory() {
        try (InputStream in = EmbeddedSchema.class.getResourceAsStream(HISTORY)) {
            if (in == null) {
                return null;
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * The build's step: migrates an empty H2 file with Flyway (the store's own settings and migrations), compacts
     * it, and writes it and its history into the directory given ({@code target/classes/db/embedded}).
     */
    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        Path work = Files.createTempDirectory("conversations-schema-");
        try {
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(Store.embeddedUrl(work));
            config.setUsername("sa");
            config.setPassword("");
            config.setMaximumPoolSize(2); // Flyway holds one for its history, one to migrate
            config.setAutoCommit(false);
            List<String> lines;
            try (HikariDataSource dataSource = new HikariDataSource(config)) {
                Store.migrate(dataSource, false);
            }
            try (Connection c = java.sql.DriverManager.getConnection(Store.embeddedUrl(work), "sa", "");
                 Statement s = c.createStatement()) {
                lines = history(c);
                s.execute("SHUTDOWN COMPACT");
            }
            if (lines == null || lines.isEmpty()) {
                throw new IllegalStateException("the migrations left no successful history");
            }
            Files.createDirectories(out);
            Files.copy(work.resolve(FILE), out.resolve(FILE), StandardCopyOption.REPLACE_EXISTING);
            Files.write(out.resolve("history.tsv"), lines, StandardCharsets.UTF_8);
        } finally {
            try (var files = Files.list(work)) {
                for (Path p : files.toList()) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(work);
        }
    }
}
