package io.conversations.bootstrap.architecture.broken.httpcallsout.application.port.out;

public interface Repository {
    Object load();
}
