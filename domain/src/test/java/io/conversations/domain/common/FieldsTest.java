package io.conversations.domain.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.conversations.domain.chat.MessageContent;
import io.conversations.domain.chat.MessageType;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every refusal names the field it is about. */
class FieldsTest {
    private static String refusal(Runnable check) {
        return assertThrows(InvalidInput.class, check::run).getMessage();
    }

    @Test
    void aTooLongLabelIsRefusedUnderItsOwnName() {
        String tooLong = "n".repeat(Fields.MAX_LABEL_BYTES + 1);
        assertEquals("nick must be at most 255 bytes of UTF-8 without control characters",
                refusal(() -> Fields.label("nick", tooLong)));
        assertEquals("", Fields.label("nick", null));
        assertEquals("n".repeat(255), Fields.label("nick", "n".repeat(255)));
        refusal(() -> Fields.label("name", "a\u0007b"));
    }

    @Test
    void urlsAreCheckedAndCountedUnderTheirField() {
        assertEquals("avatarUrl must be a URL of 1..1024 bytes without spaces",
                refusal(() -> Fields.url("avatarUrl", "https://a/b c")));
        assertEquals("", Fields.optionalUrl("avatarUrl", ""));
        assertEquals("avatarIcons holds at most 9 URLs",
                refusal(() -> Fields.urls("avatarIcons", Collections.nCopies(10, "https://a/i.png"), 9)));
    }

    @Test
    void aMessageWithTenImagesIsRefusedAsImagesNotAsAvatars() {
        List<String> ten = Collections.nCopies(10, "https://a/i.png");
        assertEquals("attachment.images holds at most 9 URLs",
                refusal(() -> new MessageContent(MessageType.IMAGE, "", ten, "", "")));
        assertEquals("attachment.title must be at most 255 bytes of UTF-8 without control characters",
                refusal(() -> new MessageContent(MessageType.LINK, "", List.of(), "https://a", "t".repeat(256))));
    }
}
