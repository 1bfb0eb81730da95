package io.conversations.bootstrap.architecture.broken.cycle.b;

public class B {
    public io.conversations.bootstrap.architecture.broken.cycle.a.A a;
}
