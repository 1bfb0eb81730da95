package io.conversations.bootstrap.architecture.broken.bodyknowsroute.adapter.http;

public class Route {}
