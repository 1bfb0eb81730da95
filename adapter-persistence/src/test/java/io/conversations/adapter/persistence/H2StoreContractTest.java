package io.conversations.adapter.persistence;

import io.conversations.application.contract.Ports;
import io.conversations.application.contract.StoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The out-port contract on the embedded store: an H2 file in MariaDB mode. */
class H2StoreContractTest extends StoreContract {
    @TempDir
    static Path dataDir;
    private static Store store;

    @BeforeAll
    static void open() {
        store = Store.open(StoreSettings.embedded(dataDir));
    }

    @AfterAll
    static void close() {
        store.close();
    }

    @Override
    protected Ports ports() {
        return StorePorts.of(store);
    }
}
