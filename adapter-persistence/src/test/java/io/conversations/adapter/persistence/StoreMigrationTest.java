package io.conversations.adapter.persistence;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.conversations.domain.identity.CorpId;
import io.conversations.domain.identity.UserId;
import io.conversations.domain.identity.UserRef;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded store keeps its data across a close and a reopen, reopening does not migrate twice, and a clean
 * close gives back the space that replaced data took.
 */
class StoreMigrationTest {
    @Test
    void theEmbeddedStoreKeepsItsDataAcrossARestart(@TempDir Path dir) {
        try (Store first = Store.open(StoreSettings.embedded(dir))) {
            first.transactions().inTransaction(() -> {
                first.directory().putCorp(new CorpId("kept"), "Kept", 1);
                return null;
            });
        }
        try (Store second = Store.open(StoreSettings.embedded(dir))) {
            assertTrue(second.transactions().inTransaction(() -> second.directory().corpExists(new CorpId("kept"))));
            assertTrue(second.health().answers());
        }
    }

    @Test
    void aCleanCloseShrinksTheEmbeddedFileToItsDataAndKeepsIt(@TempDir Path dir) throws Exception {
        CorpId corp = new CorpId("busy");
        UserRef user = new UserRef(corp, new UserId("u"));
        Path file = dir.resolve("conversations.mv.db");
        long open;
        try (Store store = Store.open(StoreSettings.embedded(dir))) {
            store.transactions().inTransaction(() -> {
                store.directory().putCorp(corp, "Busy", 1);
                store.directory().putUser(user, "U", "", 1);
                return null;
            });
            // Every commit writes a chunk; the nick rewritten 3,000 times leaves one row of data.
            for (int i = 0; i < 3_000; i++) {
                int n = i;
                store.transactions().inTransaction(() -> store.directory().putUser(user, "nick " + n, "", 2));
            }
            open = Files.size(file);
        }
        long closed = Files.size(file);
        assertTrue(closed * 3 < open, "closed " + closed + " bytes, open " + open);
        try (Store again = Store.open(StoreSettings.embedded(dir))) {
            assertTrue(again.transactions().inTransaction(() -> again.directory().userExists(user)));
        }
    }
}
