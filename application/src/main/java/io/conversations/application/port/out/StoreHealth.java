package io.conversations.application.port.out;

/** Whether the store answers right now. */
public interface StoreHealth {
    boolean answers();
}
