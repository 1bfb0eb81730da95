package io.conversations.adapter.persistence;

import java.util.Arrays;
import java.util.List;

/** Avatar URLs in one column, one a line (a checked URL holds no whitespace). */
final class AvatarList {
    private AvatarList() {}

    static String join(List<String> urls) {
        return String.join("\n", urls);
    }

    static List<String> split(String column) {
        return column == null || column.isEmpty() ? List.of() : Arrays.asList(column.split("\n"));
    }
}
