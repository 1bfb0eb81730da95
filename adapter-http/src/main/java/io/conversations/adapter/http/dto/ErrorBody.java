package io.conversations.adapter.http.dto;

/** Every error: the contract's code and a sentence for the developer. */
public record ErrorBody(int code, String message) {}
