package io.conversations.application.service;

import io.conversations.application.port.in.ChangeChatMembership;
import io.conversations.application.port.in.ChatCreated;
import io.conversations.application.port.in.CreateChat;
import io.conversations.application.port.in.NewChat;
import io.conversations.application.port.out.Chats;
import io.conversations.application.port.out.Clock;
import io.conversations.application.port.out.ConversationGroups;
import io.conversations.application.port.out.Conversations;
import io.conversations.application.port.out.Directory;
import io.conversations.application.port.out.Transactions;
import io.conversations.domain.chat.Chat;
import io.conversations.domain.chat.ChatId;
import io.conversations.domain.chat.ChatRules;
import io.conversations.domain.chat.ChatType;
import io.conversations.domain.common.Outcome;
import io.conversations.domain.common.Problem;
import io.conversations.domain.conversation.ConversationId;
import io.conversations.domain.event.ConversationEvent.ConversationDeleted;
import io.conversations.domain.event.ConversationEvent.ConversationListUpdated;
import io.conversations.domain.event.ConversationEvent.InGroupUpdated;
import io.conversations.domain.event.ConversationEvent;
import io.conversations.domain.identity.CorpId;
import io.conversations.domain.identity.UserId;
import io.conversations.domain.identity.UserRef;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Chats and who is in them, as the corp's backend provisions them: every member's conversation follows. A group chat
 * of {@code bigChatMembers} or more is big ({@link Chats}): made so when it is created that large or grows to it
 * (its members' rows turned into derived ones, as they were: no client sees the switch), and from then on a member
 * in or out changes the chat and that member alone; the others learn of the new size as of a message.
 */
public final class ChatService implements CreateChat, ChangeChatMembership {
    private static final char[] ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    /** The default size from which a chat is big. */
    public static final int DEFAULT_BIG_CHAT_MEMBERS = 100;

    private final Transactions transactions;
    private final Directory directory;
    private final Chats chats;
    private final Conversations conversations;
    private final ConversationGroups groups;
    private final EventRecorder events;
    private final Clock clock;
    private final int bigChatMembers;
    private final SecureRandom random = new SecureRandom();

    public ChatService(Transactions transactions, Directory directory, Chats chats, Conversations conversations,
                       ConversationGroups groups, EventRecorder events, Clock clock, int bigChatMembers) {
        if (bigChatMembers < 3) {
            throw new IllegalArgumentException("a big chat has at least 3 members (a one-to-one chat is never big)");
        }
        this.bigChatMembers = bigChatMembers;
        this.transactions = transactions;
        this.directory = directory;
        this.chats = chats;
        this.conversations = conversations;
        this.groups = groups;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public Outcome<ChatCreated> create(NewChat chat) {
        Outcome<List<UserId>> allowed = ChatRules.members(chat.type(), chat.id(), chat.owner(), chat.members());
        if (allowed instanceof Outcome.Rejected<List<UserId>> refused) {
            return Outcome.rejected(refused.rejection());
        }
        List<UserId> members = ((Outcome.Done<List<UserId>>) allowed).value();
        return transactions.inTransaction(() -> {
            if (!directory.corpExists(chat.corp())) {
                return noCorp(chat.corp());
            }
            for (UserId member : members) {
                if (!directory.userExists(new UserRef(chat.corp(), member))) {
                    return Outcome.rejected(Problem.NOT_FOUND, "no user " + member + " in corp " + chat.corp());
                }
            }
            return chat.type() == ChatType.C2C ? createOneToOne(chat.corp(), members.get(0), members.get(1))
                    : createGroupChat(chat, members);
        });
    }

    private Outcome<ChatCreated> createGroupChat(NewChat chat, List<UserId> members) {
        ChatId id = chat.id().orElseGet(() -> new ChatId("g" + randomId()));
        Chat created = new Chat(chat.corp(), id, ChatType.GROUP, chat.title(), chat.avatarIcons(), chat.owner(),
                members.size());
        long now = clock.millis();
        if (!chats.create(created, members, now)) {
            return Outcome.rejected(Problem.ALREADY_EXISTS, "a chat with chatId " + id + " already exists in this corp");
        }
        ConversationId conversation = ConversationId.group(id);
        if (members.size() >= bigChatMembers) {
            // Its members' conversations are there at once; each learns of it as of a message (one change).
            chats.growBig(chat.corp(), id);
            conversations.openAll(chat.corp(), conversation, id, members, now);
            chats.touch(chat.corp(), id);
            return Outcome.done(new ChatCreated(id, true));
        }
        // Members in one order, so that two chats created at once never wait on each other's users.
        directory.lockAll(chat.corp(), members);
        conversations.openAll(chat.corp(), conversation, id, members, now);
        announce(chat.corp(), id, members, now);
        return Outcome.done(new ChatCreated(id, true));
    }

    private Outcome<ChatCreated> createOneToOne(CorpId corp, UserId a, UserId b) {
        Optional<ChatId> existing = chats.findOneToOne(corp, a, b);
        if (existing.isPresent()) {
            return Outcome.done(new ChatCreated(existing.get(), false));
        }
        ChatId id = new ChatId("c2c." + randomId());
        long now = clock.millis();
        if (!chats.create(new Chat(corp, id, ChatType.C2C, "", List.of(), Optional.empty(), 2), List.of(a, b), now)) {
            // Another request created the pair's chat at the same moment: theirs is the one.
            return chats.findOneToOne(corp, a, b).<Outcome<ChatCreated>>map(c -> Outcome.done(new ChatCreated(c, false)))
                    .orElseThrow(() -> new IllegalStateException("C2C chat neither created nor found"));
        }
        for (UserId member : ChatRules.inLockOrder(a, b)) {
            UserId peer = member.equals(a) ? b : a;
            openConversation(new UserRef(corp, member), ConversationId.c2c(peer), id, now);
        }
        return Outcome.done(new ChatCreated(id, true));
    }

    @Override
    public Outcome<Boolean> addMember(CorpId corp, ChatId chatId, UserId user) {
        return transactions.inTransaction(() -> {
            Outcome<UserRef> checked = groupChatAndUser(corp, chatId, user);
            if (checked instanceof Outcome.Rejected<UserRef> rejected) {
                return Outcome.rejected(rejected.rejection());
            }
            UserRef member = new UserRef(corp, user);
            long now = clock.millis();
            if (chats.lock(corp, chatId).orElseThrow() == Chats.Size.BIG) {
                directory.lock(member);
                if (!chats.addMember(corp, chatId, user, now)) {
                    return Outcome.done(false);
                }
                openConversation(member, ConversationId.group(chatId), chatId, now);
                chats.touch(corp, chatId);
                return Outcome.done(true);
            }
            List<UserId> others = lockMembersAnd(corp, chatId, user);
            if (!chats.addMember(corp, chatId, user, now)) {
                return Outcome.done(false);
            }
            if (others.size() + 1 >= bigChatMembers) {
                // Grown big: every member is locked here, so nothing of theirs changes while their rows turn.
                chats.growBig(corp, chatId);
                conversations.deriveFromChat(corp, chatId);
            }
            openConversation(member, ConversationId.group(chatId), chatId, now);
            announce(corp, chatId, others, now);
            return Outcome.done(true);
        });
    }

    @Override
    public Outcome<Boolean> removeMember(CorpId corp, ChatId chatId, UserId user) {
        return transactions.inTransaction(() -> {
            Outcome<UserRef> checked = groupChatAndUser(corp, chatId, user);
            if (checked instanceof Outcome.Rejected<UserRef> rejected) {
                return Outcome.rejected(rejected.rejection());
            }
            UserRef member = new UserRef(corp, user);
            boolean big = chats.lock(corp, chatId).orElseThrow() == Chats.Size.BIG;
            List<UserId> others;
            if (big) {
                directory.lock(member);
                others = List.of();
            } else {
                others = lockMembersAnd(corp, chatId, user);
            }
            if (!chats.removeMember(corp, chatId, user)) {
                return Outcome.done(false);
            }
            // The member's row is locked above, as every group change locks it: none races this one.
            ConversationId id = ConversationId.group(chatId);
            List<ConversationEvent> happened = new ArrayList<>();
            groups.removeEverywhere(member, id).forEach(group -> happened.add(InGroupUpdated.removed(group, List.of(id))));
            conversations.close(member, id);
            happened.add(new ConversationDeleted(List.of(id)));
            long now = clock.millis();
            events.record(member, happened, now);
            if (big) {
                chats.touch(corp, chatId); // a chat stays big when it shrinks
            } else {
                announce(corp, chatId, others, now);
            }
            return Outcome.done(true);
        });
    }

    /** Membership changes take a group chat of the corp and a user of the corp. */
    private Outcome<UserRef> groupChatAndUser(CorpId corp, ChatId chatId, UserId user) {
        Optional<Chat> chat = chats.find(corp, chatId);
        if (chat.isEmpty()) {
            return Outcome.rejected(Problem.NOT_FOUND, "no chat " + chatId + " in corp " + corp);
        }
        Outcome<Chat> changeable = ChatRules.membershipMayChange(chat.get());
        if (changeable instanceof Outcome.Rejected<Chat> refused) {
            return Outcome.rejected(refused.rejection());
        }
        UserRef member = new UserRef(corp, user);
        if (!directory.userExists(member)) {
            return Outcome.rejected(Problem.NOT_FOUND, "no user " + user + " in corp " + corp);
        }
        return Outcome.done(member);
    }

    /**
     * Locks the chat's members and {@code user} in userId order (the order a message's send takes
     * them in, so the two never wait on each other) and answers the members other than {@code user}.
     */
    private List<UserId> lockMembersAnd(CorpId corp, ChatId chat, UserId user) {
        return lockInOrder(corp, chats.members(corp, chat), user);
    }

    /** Locks {@code users} and {@code user} in userId order; answers the others, in that order. */
    private List<UserId> lockInOrder(CorpId corp, List<UserId> users, UserId user) {
        TreeSet<String> ids = new TreeSet<>();
        users.forEach(m -> ids.add(m.value()));
        ids.add(user.value());
        directory.lockAll(corp, ids.stream().map(UserId::new).toList());
        return ids.stream().filter(id -> !id.equals(user.value())).map(UserId::new).toList();
    }

    /** A list event for each of these members' conversation of the chat, as it now is (a new chat, a new size). */
    private void announce(CorpId corp, ChatId chat, List<UserId> members, long now) {
        Map<UserRef, List<ConversationEvent>> happened = new LinkedHashMap<>();
        conversations.findByChat(corp, chat, members).forEach((member, conversation) -> happened.put(
                new UserRef(corp, member), List.of(new ConversationListUpdated(List.of(conversation)))));
        events.recordAll(happened, now);
    }

    private void openConversation(UserRef member, ConversationId id, ChatId chat, long now) {
        conversations.open(member, id, chat, now);
        events.record(member, List.of(new ConversationListUpdated(conversations.findAll(member, List.of(id)))), now);
    }

    private static <T> Outcome<T> noCorp(CorpId corp) {
        return Outcome.rejected(Problem.NOT_FOUND, "no corp " + corp);
    }

    private String randomId() {
        char[] out = new char[16];
        for (int i = 0; i < out.length; i++) {
            out[i] = ID_ALPHABET[random.nextInt(ID_ALPHABET.length)];
        }
        return new String(out);
    }
}
