package io.conversations.application.service;

import io.conversations.application.port.in.CheckHealth;
import io.conversations.application.port.out.StoreHealth;

/** The service can serve while its store answers. */
public final class HealthService implements CheckHealth {
    private final StoreHealth store;

    public HealthService(StoreHealth store) {
        this.store = store;
    }

    @Override
    public boolean healthy() {
        return store.answers();
    }
}
