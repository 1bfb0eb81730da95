package io.conversations.application.fakes;

import io.conversations.application.contract.Ports;
import io.conversations.application.contract.StoreContract;

/** The fake must behave like the real stores, or the use-case tests that use it prove nothing. */
class InMemoryStoreContractTest extends StoreContract {
    @Override
    protected Ports ports() {
        return Ports.of(new InMemoryStore());
    }

    @Override
    protected boolean rollsBack() {
        return false;
    }
}
