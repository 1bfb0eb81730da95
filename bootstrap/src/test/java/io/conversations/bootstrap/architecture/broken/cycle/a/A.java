package io.conversations.bootstrap.architecture.broken.cycle.a;

/** Breaks no-cycles: a uses b, b uses a. */
public class A {
    public io.conversations.bootstrap.architecture.broken.cycle.b.B b;
}
