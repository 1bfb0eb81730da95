package io.conversations.bootstrap;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The race into a big chat on MariaDB, in a database of its own. */
class MariaDbBigChatRaceTest extends BigChatRace {
    @TempDir
    static Path dataDir;
    @RegisterExtension
    static final MariaDb DATABASE = new MariaDb();

    @Override
    protected Map<String, String> store() {
        return DATABASE.settings();
    }

    @Override
    protected Path dataDir() {
        return dataDir;
    }
}
