package io.conversations.bootstrap.architecture.broken.persistencecallsin.application.port.in;

public interface UseCase {
    void run();
}
