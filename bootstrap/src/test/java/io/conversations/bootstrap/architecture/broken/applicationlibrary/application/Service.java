package io.conversations.bootstrap.architecture.broken.applicationlibrary.application;

/** Breaks the application: it uses a library (ArchUnit stands in for any). */
public class Service {
    public com.tngtech.archunit.core.domain.JavaClasses classes;
}
