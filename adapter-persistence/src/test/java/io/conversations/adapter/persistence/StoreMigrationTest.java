package io.conversations.adapter.persistence;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.conversations.domain.identity.CorpId;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded store keeps its data across a close and a reopen, and reopening does not migrate twice. */
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
}
