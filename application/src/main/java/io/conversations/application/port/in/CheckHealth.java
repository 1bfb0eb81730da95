package io.conversations.application.port.in;

/** Whether the service can serve: its store answers. */
public interface CheckHealth {
    boolean healthy();
}
