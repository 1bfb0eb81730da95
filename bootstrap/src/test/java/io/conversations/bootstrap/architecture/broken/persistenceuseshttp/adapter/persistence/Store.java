package io.conversations.bootstrap.architecture.broken.persistenceuseshttp.adapter.persistence;

/** Breaks the adapters: persistence uses HTTP. */
public class Store {
    public io.conversations.bootstrap.architecture.broken.persistenceuseshttp.adapter.http.Route route;
}
