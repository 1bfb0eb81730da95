package io.conversations.bootstrap.architecture.broken.outtoin.application.port.out;

/** Breaks the ports' direction: an out-port names an in-port. */
public interface Repository {
    io.conversations.bootstrap.architecture.broken.outtoin.application.port.in.UseCase caller();
}
