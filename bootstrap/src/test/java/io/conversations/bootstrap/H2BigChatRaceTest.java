package io.conversations.bootstrap;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;

/** The race into a big chat on the embedded store. */
class H2BigChatRaceTest extends BigChatRace {
    @TempDir
    static Path dataDir;

    @Override
    protected Map<String, String> store() {
        return Map.of();
    }

    @Override
    protected Path dataDir() {
        return dataDir;
    }
}
