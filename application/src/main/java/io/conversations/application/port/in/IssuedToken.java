package io.conversations.application.port.in;

/** A user's bearer token and the moment (epoch milliseconds) it expires. */
public record IssuedToken(String token, long expiresAt) {}
