package io.conversations.bootstrap.architecture.broken.outtoin.application.port.in;

public interface UseCase {}
