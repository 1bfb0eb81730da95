package io.conversations.bootstrap.architecture.broken.httpusespersistence.adapter.http;

/** Breaks the adapters: HTTP uses persistence. */
public class Route {
    public io.conversations.bootstrap.architecture.broken.httpusespersistence.adapter.persistence.Store store;
}
