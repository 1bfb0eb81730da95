package io.conversations.bootstrap.architecture.broken.bodyknowsroute.adapter.http.dto;

/** Breaks the bodies: a DTO knows a route class. */
public record Body(io.conversations.bootstrap.architecture.broken.bodyknowsroute.adapter.http.Route route) {}
