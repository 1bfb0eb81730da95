package io.conversations.domain.conversation;

import io.conversations.domain.chat.ChatId;
import io.conversations.domain.chat.ChatType;
import io.conversations.domain.common.Ids;
import io.conversations.domain.common.InvalidInput;
import io.conversations.domain.common.Problem;
import io.conversations.domain.identity.UserId;
import java.util.Objects;

/**
 * A conversation's id is its type and target: {@code C2C<peerUserId>} or {@code GROUP<chatId>}.
 * This is the one place that parses and prints that form.
 */
public record ConversationId(ChatType type, String target) {
    public ConversationId {
        Objects.requireNonNull(type, "type");
        Ids.check(type == ChatType.C2C ? "peer user id" : "chatId", target);
    }

    public static ConversationId c2c(UserId peer) {
        return new ConversationId(ChatType.C2C, peer.value());
    }

    public static ConversationId group(ChatId chat) {
        return new ConversationId(ChatType.GROUP, chat.value());
    }

    /** Parses {@code C2Cbob} or {@code GROUPsales}; anything else is {@link Problem#MALFORMED}. */
    public static ConversationId parse(String text) {
        if (text != null) {
            for (ChatType type : ChatType.values()) {
                if (text.startsWith(type.prefix()) && Ids.isValid(text.substring(type.prefix().length()))) {
                    return new ConversationId(type, text.substring(type.prefix().length()));
                }
            }
        }
        throw new InvalidInput(Problem.MALFORMED, "conversationID must be C2C<userId> or GROUP<chatId>");
    }

    /** The same as {@link #parse} but tells instead of throwing, for lists where one bad id is a per-id failure. */
    public static java.util.Optional<ConversationId> tryParse(String text) {
        try {
            return java.util.Optional.of(parse(text));
        } catch (InvalidInput e) {
            return java.util.Optional.empty();
        }
    }

    @Override
    public String toString() {
        return type.prefix() + target;
    }
}
