package io.conversations.bootstrap.architecture.broken.javalinoutside.application;

/** Breaks the libraries' places: Javalin outside the HTTP adapter. */
public class Service {
    public io.javalin.http.Context context;
}
