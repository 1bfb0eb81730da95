package io.conversations.bootstrap.architecture.broken.httpusespersistence.adapter.persistence;

public class Store {}
