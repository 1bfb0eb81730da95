package io.conversations.bootstrap.architecture.broken.httpcallsout.adapter.http;

/** Breaks the HTTP side: a route calls an out-port itself. */
public class Route {
    public Object handle(io.conversations.bootstrap.architecture.broken.httpcallsout.application.port.out.Repository repository) {
        return repository.load();
    }
}
