package io.conversations.domain.identity;

import io.conversations.domain.common.InvalidInput;
import io.conversations.domain.common.Problem;
import io.conversations.domain.common.Utf8;

/**
 * A conversation group's name: 1..32 bytes of UTF-8 (bytes, not characters), with no control characters and none
 * that hide or turn text ({@link Utf8#hasInvisibleCharacters}): every name that can be created can be told apart
 * from another and addressed in a path.
 */
public record GroupName(String value) {
    public static final int MAX_BYTES = 32;

    public GroupName {
        if (value == null || value.isEmpty() || Utf8.bytes(value) > MAX_BYTES) {
            throw new InvalidInput(Problem.GROUP_NAME_LENGTH,
                    "groupName must be 1.." + MAX_BYTES + " bytes of UTF-8");
        }
        if (Utf8.hasControlOrBrokenCharacters(value) || Utf8.hasInvisibleCharacters(value)) {
            throw new InvalidInput(Problem.GROUP_NAME_CONTROL_CHARACTERS,
                    "groupName must not contain control, format or replacement characters (U+FFFD, bidirectional "
                            + "controls, zero-width space, byte-order mark, line separators)");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
