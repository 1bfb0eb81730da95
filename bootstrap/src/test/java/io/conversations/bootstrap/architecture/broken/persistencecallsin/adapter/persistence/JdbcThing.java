package io.conversations.bootstrap.architecture.broken.persistencecallsin.adapter.persistence;

/** Breaks the persistence side: the adapter calls a use case. */
public class JdbcThing {
    public void save(io.conversations.bootstrap.architecture.broken.persistencecallsin.application.port.in.UseCase useCase) {
        useCase.run();
    }
}
