package io.conversations.domain.chat;

import io.conversations.domain.common.Fields;
import io.conversations.domain.common.InvalidInput;
import io.conversations.domain.common.Problem;
import io.conversations.domain.common.Utf8;
import java.util.List;
import java.util.Objects;

/**
 * What a message says. A text message has 1..4096 bytes of text; an image message 1..9 image
 * URLs; a link message a URL and an optional title. Image and link messages may carry a caption.
 */
public record MessageContent(MessageType type, String text, List<String> images, String linkUrl, String linkTitle) {
    public static final int MAX_TEXT_BYTES = 4096;
    public static final int MAX_IMAGES = 9;

    public MessageContent {
        Objects.requireNonNull(type, "type");
        text = text == null ? "" : text;
        images = images == null ? List.of() : List.copyOf(images);
        linkUrl = linkUrl == null ? "" : linkUrl;
        linkTitle = linkTitle == null ? "" : linkTitle;
        if (Utf8.bytes(text) > MAX_TEXT_BYTES || Utf8.hasControlOrBrokenCharacters(text.replace("\n", "").replace("\t", "").replace("\r", ""))) {
            throw new InvalidInput(Problem.MALFORMED, "text must be at most " + MAX_TEXT_BYTES
                    + " bytes of UTF-8 without control characters other than line breaks");
        }
        switch (type) {
            case TEXT -> {
                if (text.isEmpty() || !images.isEmpty() || !linkUrl.isEmpty()) {
                    throw new InvalidInput(Problem.MALFORMED, "a text message has text and no attachment");
                }
            }
            case IMAGE -> {
                if (images.isEmpty() || !linkUrl.isEmpty()) {
                    throw new InvalidInput(Problem.MALFORMED, "an image message has attachment.images (1.."
                            + MAX_IMAGES + " URLs)");
                }
                Fields.urls("attachment.images", images, MAX_IMAGES);
            }
            case LINK -> {
                if (linkUrl.isEmpty() || !images.isEmpty()) {
                    throw new InvalidInput(Problem.MALFORMED, "a link message has attachment.url");
                }
                Fields.url("attachment.url", linkUrl);
                Fields.label("attachment.title", linkTitle);
            }
        }
    }
}
