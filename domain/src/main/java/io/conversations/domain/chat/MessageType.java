package io.conversations.domain.chat;

/** The kinds of message DingTalk's sendMessage draft knows: text, images, a link. */
public enum MessageType {
    TEXT, IMAGE, LINK;

    /** The name the contract uses ({@code "text"}, {@code "image"}, {@code "link"}). */
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
