package io.conversations.bootstrap.architecture.broken.domainconcurrency.domain;

/** Breaks the domain's Java: it uses java.util.concurrent. */
public class Counter {
    public final java.util.concurrent.atomic.AtomicLong count = new java.util.concurrent.atomic.AtomicLong();
}
