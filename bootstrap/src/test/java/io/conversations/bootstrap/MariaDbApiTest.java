package io.conversations.bootstrap;

import java.nio.file.Path;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The whole API on MariaDB, in a database of its own. */
class MariaDbApiTest extends ApiContract {
    @TempDir
    static Path dataDir;
    @RegisterExtension
    static final MariaDb DATABASE = new MariaDb();

    @Override
    protected Config config() {
        return baseConfig(dataDir, DATABASE.settings());
    }
}
