package io.conversations.adapter.http;

import io.conversations.application.model.ListPosition;
import io.conversations.domain.common.InvalidInput;
import io.conversations.domain.conversation.ConversationId;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The opaque cursor of a list: where the previous page ended, with a MAC of it (HMAC-SHA256 under a key derived
 * from the token secret, so that every node of a cluster checks what another gave out), base64url-encoded. A
 * cursor this service did not give out, or one changed since, is refused with 40001 (before, a forged one was
 * taken and its fields echoed: {@code eventSeq: -1}).
 */
final class ListCursor {
    private static final String VERSION = "3";
    private static final int MAC_BYTES = 12;
    private final SecretKeySpec key;

    ListCursor(byte[] key) {
        this.key = new SecretKeySpec(key, "HmacSHA256");
    }

    String encode(ListPosition position) {
        String raw = VERSION + "|" + (position.pinned() ? 1 : 0) + "|" + position.activityAt() + "|"
                + position.asOfSeq() + "|" + position.id();
        byte[] text = raw.getBytes(StandardCharsets.UTF_8);
        byte[] sealed = Arrays.copyOf(text, text.length + MAC_BYTES);
        System.arraycopy(mac(text), 0, sealed, text.length, MAC_BYTES);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sealed);
    }

    Optional<ListPosition> decode(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return Optional.empty();
        }
        try {
            byte[] sealed = Base64.getUrlDecoder().decode(cursor);
            if (sealed.length <= MAC_BYTES) {
                throw refused();
            }
            byte[] text = Arrays.copyOf(sealed, sealed.length - MAC_BYTES);
            byte[] given = Arrays.copyOfRange(sealed, text.length, sealed.length);
            if (!MessageDigest.isEqual(given, Arrays.copyOf(mac(text), MAC_BYTES))) {
                throw refused();
            }
            String[] parts = new String(text, StandardCharsets.UTF_8).split("\\|", 5);
            if (parts.length != 5 || !parts[0].equals(VERSION) || !(parts[1].equals("0") || parts[1].equals("1"))) {
                throw refused();
            }
            return Optional.of(new ListPosition(parts[1].equals("1"), Long.parseLong(parts[2]),
                    ConversationId.parse(parts[4]), Long.parseLong(parts[3])));
        } catch (IllegalArgumentException | InvalidInput e) {
            throw refused();
        }
    }

    private byte[] mac(byte[] text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(text);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    private static InvalidInput refused() {
        return JsonBody.malformed("cursor is not one this service gave out");
    }
}
