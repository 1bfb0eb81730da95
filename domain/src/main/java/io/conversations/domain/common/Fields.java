package io.conversations.domain.common;

import java.util.List;

/**
 * Checks of free-text and URL fields, each refusal naming the field it is about (a nick is refused as "nick",
 * not as a chat's "title").
 */
public final class Fields {
    /** A label: a title, a name, a nick. */
    public static final int MAX_LABEL_BYTES = 255;
    public static final int MAX_URL_BYTES = 1024;

    private Fields() {}

    /** An optional label (null is empty): at most {@link #MAX_LABEL_BYTES} bytes of UTF-8 without control characters. */
    public static String label(String field, String value) {
        String v = value == null ? "" : value;
        if (Utf8.bytes(v) > MAX_LABEL_BYTES || Utf8.hasControlOrBrokenCharacters(v)) {
            throw new InvalidInput(Problem.MALFORMED, field + " must be at most " + MAX_LABEL_BYTES
                    + " bytes of UTF-8 without control characters");
        }
        return v;
    }

    /** A URL: 1..{@link #MAX_URL_BYTES} bytes without spaces or control characters. */
    public static String url(String field, String url) {
        if (url == null || url.isEmpty() || Utf8.bytes(url) > MAX_URL_BYTES || url.chars().anyMatch(Character::isWhitespace)
                || Utf8.hasControlOrBrokenCharacters(url)) {
            throw new InvalidInput(Problem.MALFORMED, field + " must be a URL of 1.." + MAX_URL_BYTES
                    + " bytes without spaces");
        }
        return url;
    }

    /** An optional URL: empty (or null) is none. */
    public static String optionalUrl(String field, String url) {
        return url == null || url.isEmpty() ? "" : url(field, url);
    }

    /** Up to {@code max} URLs (null is none), each checked as {@link #url}. */
    public static List<String> urls(String field, List<String> urls, int max) {
        List<String> list = urls == null ? List.of() : List.copyOf(urls);
        if (list.size() > max) {
            throw new InvalidInput(Problem.MALFORMED, field + " holds at most " + max + " URLs");
        }
        for (String url : list) {
            url(field, url);
        }
        return list;
    }
}
