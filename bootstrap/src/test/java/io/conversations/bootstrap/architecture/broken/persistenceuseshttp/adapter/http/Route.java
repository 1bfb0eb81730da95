package io.conversations.bootstrap.architecture.broken.persistenceuseshttp.adapter.http;

public class Route {}
