package io.conversations.bootstrap;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;

/** The events, end to end, on the embedded store. */
class H2EventsTest extends EventsContract {
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
