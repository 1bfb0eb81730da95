package io.conversations.bootstrap.architecture.broken.portknowsservice.application.service;

public class UseCaseService {}
