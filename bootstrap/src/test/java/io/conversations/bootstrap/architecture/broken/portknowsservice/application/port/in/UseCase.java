package io.conversations.bootstrap.architecture.broken.portknowsservice.application.port.in;

/** Breaks the ports: an in-port names its implementation. */
public interface UseCase {
    io.conversations.bootstrap.architecture.broken.portknowsservice.application.service.UseCaseService implementation();
}
