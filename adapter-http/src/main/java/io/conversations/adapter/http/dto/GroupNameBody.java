package io.conversations.adapter.http.dto;

/** A group's (new) name. */
public record GroupNameBody(String groupName) {}
