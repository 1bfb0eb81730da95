package io.conversations.bootstrap.architecture.broken.domainfiles.domain;

/** Breaks the domain's Java: it reads files. */
public class Loader {
    public java.io.File file() {
        return new java.io.File("x");
    }
}
