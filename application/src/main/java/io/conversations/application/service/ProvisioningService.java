package io.conversations.application.service;

import io.conversations.application.port.in.ChangeChatMembership;
import io.conversations.application.port.in.ChatCreated;
import io.conversations.application.port.in.CheckHealth;
import io.conversations.application.port.in.CreateChat;
import io.conversations.application.port.in.IdentifyUser;
import io.conversations.application.port.in.IssueToken;
import io.conversations.application.port.in.IssuedToken;
import io.conversations.application.port.in.NewChat;
import io.conversations.application.port.in.ProvisionCorp;
import io.conversations.application.port.in.ProvisionUser;
import io.conversations.application.port.out.Chats;
import io.conversations.application.port.out.Clock;
import io.conversations.application.port.out.ConversationGroups;
import io.conversations.application.port.out.Conversations;
import io.conversations.application.port.out.Directory;
import io.conversations.application.port.out.EventLog;
import io.conversations.application.port.out.StoreHealth;
import io.conversations.application.port.out.Tokens;
import io.conversations.application.port.out.Transactions;
import io.conversations.domain.chat.Chat;
import io.conversations.domain.chat.ChatId;
import io.conversations.domain.chat.ChatType;
import io.conversations.domain.common.Outcome;
import io.conversations.domain.common.Problem;
import io.conversations.domain.conversation.ConversationId;
import io.conversations.domain.event.ConversationEvent;
import io.conversations.domain.event.ConversationEvent.ConversationDeleted;
import io.conversations.domain.event.ConversationEvent.ConversationListUpdated;
import io.conversations.domain.event.ConversationEvent.InGroupUpdated;
import io.conversations.domain.identity.CorpId;
import io.conversations.domain.identity.UserId;
import io.conversations.domain.identity.UserRef;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/** What a corp's backend does with the admin key: corps, users, chats, membership and user tokens. */
public final class ProvisioningService implements ProvisionCorp, ProvisionUser, CreateChat, ChangeChatMembership,
        IssueToken, IdentifyUser, CheckHealth {
    /** More members than this are added one call at a time. */
    public static final int MAX_MEMBERS_PER_CALL = 1000;
    private static final char[] ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

    private final Transactions transactions;
    private final Directory directory;
    private final Chats chats;
    private final Conversations conversations;
    private final ConversationGroups groups;
    private final EventLog events;
    private final Tokens tokens;
    private final StoreHealth health;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    /** Users found to exist; cleared when it reaches {@link #MAX_KNOWN_USERS} (about 100 bytes each). */
    private final Set<UserRef> known = ConcurrentHashMap.newKeySet();
    static final int MAX_KNOWN_USERS = 200_000;

    public ProvisioningService(Transactions transactions, Directory directory, Chats chats,
                               Conversations conversations, ConversationGroups groups, EventLog events,
                               Tokens tokens, StoreHealth health, Clock clock) {
        this.transactions = transactions;
        this.directory = directory;
        this.chats = chats;
        this.conversations = conversations;
        this.groups = groups;
        this.events = events;
        this.tokens = tokens;
        this.health = health;
        this.clock = clock;
    }

    @Override
    public void put(CorpId corp, String name) {
        transactions.inTransaction(() -> {
            directory.putCorp(corp, Chat.checkTitle(name), clock.millis());
            return null;
        });
    }

    @Override
    public Outcome<UserRef> put(UserRef user, String nick, String avatarUrl) {
        String checkedNick = Chat.checkTitle(nick);
        String checkedAvatar = avatarUrl == null || avatarUrl.isEmpty() ? "" : Chat.checkUrl("avatarUrl", avatarUrl);
        return transactions.inTransaction(() -> {
            if (!directory.corpExists(user.corp())) {
                return noCorp(user.corp());
            }
            // The user and their one-to-one peers, in userId order: the peers' conversations show this profile.
            List<UserId> peers = chats.oneToOnePeers(user.corp(), user.user());
            lockInOrder(user.corp(), peers, user.user());
            long now = clock.millis();
            if (directory.putUser(user, checkedNick, checkedAvatar, now)) {
                ConversationId shown = ConversationId.c2c(user.user());
                for (UserId peer : peers) {
                    UserRef ref = new UserRef(user.corp(), peer);
                    events.append(ref, List.of(new ConversationListUpdated(conversations.findAll(ref, List.of(shown)))),
                            now);
                }
            }
            return Outcome.done(user);
        });
    }

    @Override
    public Outcome<ChatCreated> create(NewChat chat) {
        List<UserId> members = new ArrayList<>(new LinkedHashSet<>(chat.owner().map(List::of).orElse(List.of())));
        chat.members().stream().filter(m -> !members.contains(m)).forEach(members::add);
        if (chat.type() == ChatType.C2C && (members.size() != 2 || chat.owner().isPresent() || chat.id().isPresent())) {
            return Outcome.rejected(Problem.MALFORMED, "a C2C chat has exactly two distinct memberIds and no chatId or ownerId");
        }
        if (members.isEmpty() || members.size() > MAX_MEMBERS_PER_CALL) {
            return Outcome.rejected(Problem.MALFORMED, "memberIds must name 1.." + MAX_MEMBERS_PER_CALL + " users");
        }
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
        // Members in one order, so that two chats created at once never wait on each other's users.
        directory.lockAll(chat.corp(), members);
        ConversationId conversation = ConversationId.group(id);
        members.forEach(member -> conversations.open(new UserRef(chat.corp(), member), conversation, id, now));
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
        List<UserId> ordered = a.value().compareTo(b.value()) < 0 ? List.of(a, b) : List.of(b, a);
        for (UserId member : ordered) {
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
            List<UserId> others = lockMembersAnd(corp, chatId, user);
            long now = clock.millis();
            if (!chats.addMember(corp, chatId, user, now)) {
                return Outcome.done(false);
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
            List<UserId> others = lockMembersAnd(corp, chatId, user);
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
            events.append(member, happened, now);
            announce(corp, chatId, others, now);
            return Outcome.done(true);
        });
    }

    @Override
    public Outcome<IssuedToken> issue(UserRef user, long ttlSeconds) {
        if (ttlSeconds < 1 || ttlSeconds > MAX_TTL_SECONDS) {
            return Outcome.rejected(Problem.MALFORMED, "ttlSeconds must be 1.." + MAX_TTL_SECONDS);
        }
        boolean known = transactions.inTransaction(() -> directory.userExists(user));
        if (!known) {
            return Outcome.rejected(Problem.NOT_FOUND, "no user " + user.user() + " in corp " + user.corp());
        }
        long expiresAt = clock.millis() + ttlSeconds * 1000;
        return Outcome.done(new IssuedToken(tokens.issue(user, expiresAt), expiresAt));
    }

    /**
     * Users are never removed (there is no call for it), so one found once stays known: every request
     * authenticates, and this spares each one a read. Unknown users are asked for every time.
     */
    @Override
    public boolean isKnown(UserRef user) {
        if (known.contains(user)) {
            return true;
        }
        boolean exists = transactions.inTransaction(() -> directory.userExists(user));
        if (exists) {
            if (known.size() >= MAX_KNOWN_USERS) {
                known.clear();
            }
            known.add(user);
        }
        return exists;
    }

    @Override
    public boolean healthy() {
        return health.answers();
    }

    /** Membership changes take a group chat of the corp and a user of the corp. */
    private Outcome<UserRef> groupChatAndUser(CorpId corp, ChatId chatId, UserId user) {
        Optional<Chat> chat = chats.find(corp, chatId);
        if (chat.isEmpty()) {
            return Outcome.rejected(Problem.NOT_FOUND, "no chat " + chatId + " in corp " + corp);
        }
        if (chat.get().type() != ChatType.GROUP) {
            return Outcome.rejected(Problem.MALFORMED, "the members of a C2C chat are fixed");
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
        events.appendAll(happened, now);
    }

    private void openConversation(UserRef member, ConversationId id, ChatId chat, long now) {
        conversations.open(member, id, chat, now);
        events.append(member, List.of(new ConversationListUpdated(conversations.findAll(member, List.of(id)))), now);
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
