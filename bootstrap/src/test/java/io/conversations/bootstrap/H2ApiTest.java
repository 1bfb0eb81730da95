package io.conversations.bootstrap;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;

/** The whole API on the embedded default store. */
class H2ApiTest extends ApiContract {
    @TempDir
    static Path dataDir;

    @Override
    protected Config config() {
        return baseConfig(dataDir, Map.of());
    }
}
