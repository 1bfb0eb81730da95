package io.conversations.domain.chat;

import io.conversations.domain.common.Outcome;
import io.conversations.domain.common.Problem;
import io.conversations.domain.identity.UserId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What makes a chat: who may be in a new one, and which chats' members may change. */
public final class ChatRules {
    /** More members than this are added one call at a time. */
    public static final int MAX_MEMBERS_PER_CALL = 1000;

    private ChatRules() {}

    /**
     * The members of a chat to create, each once, the owner first: a group chat has 1..{@link #MAX_MEMBERS_PER_CALL};
     * a C2C chat exactly two distinct users and neither a chosen id nor an owner.
     */
    public static Outcome<List<UserId>> members(ChatType type, Optional<ChatId> id, Optional<UserId> owner,
                                                List<UserId> listed) {
        List<UserId> members = new ArrayList<>();
        owner.ifPresent(members::add);
        listed.stream().filter(m -> !members.contains(m)).forEach(members::add);
        if (type == ChatType.C2C && (members.size() != 2 || owner.isPresent() || id.isPresent())) {
            return Outcome.rejected(Problem.MALFORMED,
                    "a C2C chat has exactly two distinct memberIds and no chatId or ownerId");
        }
        if (members.isEmpty() || members.size() > MAX_MEMBERS_PER_CALL) {
            return Outcome.rejected(Problem.MALFORMED, "memberIds must name 1.." + MAX_MEMBERS_PER_CALL + " users");
        }
        return Outcome.done(List.copyOf(members));
    }

    /** Members join and leave group chats; a C2C chat's two are fixed. */
    public static Outcome<Chat> membershipMayChange(Chat chat) {
        if (chat.type() != ChatType.GROUP) {
            return Outcome.rejected(Problem.MALFORMED, "the members of a C2C chat are fixed");
        }
        return Outcome.done(chat);
    }

    /** The two users of a C2C chat in userId order: the order both their rows are locked in. */
    public static List<UserId> inLockOrder(UserId a, UserId b) {
        return a.value().compareTo(b.value()) < 0 ? List.of(a, b) : List.of(b, a);
    }
}
