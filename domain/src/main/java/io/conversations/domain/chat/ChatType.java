package io.conversations.domain.chat;

/** One-to-one or group; the prefix is how a conversation id spells the type. */
public enum ChatType {
    C2C("C2C"),
    GROUP("GROUP");

    private final String prefix;

    ChatType(String prefix) {
        this.prefix = prefix;
    }

    public String prefix() {
        return prefix;
    }
}
