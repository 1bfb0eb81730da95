package io.conversations.adapter.persistence;

import io.conversations.application.contract.Ports;
import io.conversations.application.contract.StoreContract;
import io.conversations.adapter.persistence.testing.MariaDbTestDatabase;
import io.conversations.adapter.persistence.testing.SkipWithoutMariaDb;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/** The out-port contract on MariaDB, in a database of its own. */
@ExtendWith(SkipWithoutMariaDb.class)
class MariaDbStoreContractTest extends StoreContract {
    private static MariaDbTestDatabase database;
    private static Store store;

    @BeforeAll
    static void open() {
        database = MariaDbTestDatabase.createForClass().orElse(null);
        if (database != null) {
            store = Store.open(database.settings());
        }
    }

    @AfterAll
    static void close() {
        if (store != null) {
            store.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @Override
    protected Ports ports() {
        return StorePorts.of(store);
    }
}
