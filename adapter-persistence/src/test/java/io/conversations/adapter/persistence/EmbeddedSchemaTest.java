package io.conversations.adapter.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.conversations.domain.identity.CorpId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The schema the build made for the embedded store is the one Flyway makes from this build's migrations: a fresh
 * data directory starts from it, and only a file whose history is exactly it skips Flyway.
 */
class EmbeddedSchemaTest {
    @Test
    void aFreshDirectoryStartsFromTheBuildsSchemaWhichFlywayFindsCurrentAndValid(@TempDir Path dir) {
        assertNotNull(EmbeddedSchema.class.getResource("/db/embedded/" + EmbeddedSchema.FILE),
                "the build (process-classes) made no template: see adapter-persistence/pom.xml");
        try (Store store = Store.open(StoreSettings.embedded(dir))) {
            store.transactions().inTransaction(() -> {
                store.directory().putCorp(new CorpId("fresh"), "Fresh", 1);
                return null;
            });
        }
        Flyway flyway = flyway(dir);
        assertEquals(0, flyway.info().pending().length, "Flyway would still migrate the seeded file");
        assertTrue(flyway.validateWithResult().validationSuccessful, "Flyway refuses the seeded file");
        assertEquals(flyway.info().current().getVersion().getVersion(), EmbeddedSchema.currentVersion(source(dir)));
    }

    @Test
    void anOlderFileIsMigratedByFlywayAndKeepsItsData(@TempDir Path dir) throws Exception {
        Flyway.configure().dataSource(source(dir)).locations(Store.EMBEDDED_MIGRATIONS).target("9").load().migrate();
        try (Connection c = DriverManager.getConnection(Store.embeddedUrl(dir), "sa", "");
             Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO corps (corp_id, name, created_at) VALUES ('older', 'Older', 1)");
            c.commit();
        }
        assertNull(EmbeddedSchema.currentVersion(source(dir)), "a file at version 9 taken for current");
        try (Store store = Store.open(StoreSettings.embedded(dir))) {
            assertTrue(store.transactions().inTransaction(() -> store.directory().corpExists(new CorpId("older"))));
        }
        assertEquals(0, flyway(dir).info().pending().length);
        assertNotNull(EmbeddedSchema.currentVersion(source(dir)));
    }

    @Test
    void aFileWhoseHistoryDiffersFromTheBuildsGoesToFlywayWhichRefusesIt(@TempDir Path dir) throws Exception {
        Store.open(StoreSettings.embedded(dir)).close();
        try (Connection c = DriverManager.getConnection(Store.embeddedUrl(dir), "sa", "");
             Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE flyway_schema_history SET checksum = 1 WHERE version = '2'");
            c.commit();
        }
        assertNull(EmbeddedSchema.currentVersion(source(dir)));
        assertThrows(RuntimeException.class, () -> Store.open(StoreSettings.embedded(dir)));
        assertTrue(Files.exists(dir.resolve(EmbeddedSchema.FILE)), "the refused file was replaced");
    }

    private static Flyway flyway(Path dir) {
        return Flyway.configure().dataSource(source(dir)).locations(Store.EMBEDDED_MIGRATIONS).load();
    }

    private static JdbcDataSource source(Path dir) {
        JdbcDataSource source = new JdbcDataSource();
        source.setURL(Store.embeddedUrl(dir));
        source.setUser("sa");
        return source;
    }
}
