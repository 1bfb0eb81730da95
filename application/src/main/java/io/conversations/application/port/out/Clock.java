package io.conversations.application.port.out;

/** The time, in epoch milliseconds, as the service records it. */
public interface Clock {
    long millis();
}
