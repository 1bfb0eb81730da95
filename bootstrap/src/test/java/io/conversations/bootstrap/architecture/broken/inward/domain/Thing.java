package io.conversations.bootstrap.architecture.broken.inward.domain;

/** Breaks the layers: the domain uses the application. */
public class Thing {
    public Object use() {
        return new io.conversations.bootstrap.architecture.broken.inward.application.Service();
    }
}
