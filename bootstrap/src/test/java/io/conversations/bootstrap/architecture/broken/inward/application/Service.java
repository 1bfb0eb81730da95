package io.conversations.bootstrap.architecture.broken.inward.application;

public class Service {}
