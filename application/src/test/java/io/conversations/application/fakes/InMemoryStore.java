package io.conversations.application.fakes;

import io.conversations.application.model.ConversationQuery;
import io.conversations.application.model.EventPage;
import io.conversations.application.model.GroupSummary;
import io.conversations.application.model.ListPosition;
import io.conversations.application.port.out.Chats;
import io.conversations.application.port.out.ConversationGroups;
import io.conversations.application.port.out.Conversations;
import io.conversations.application.port.out.Directory;
import io.conversations.application.port.out.EventLog;
import io.conversations.application.port.out.IdempotencyKeys;
import io.conversations.application.port.out.Messages;
import io.conversations.application.port.out.PickedChats;
import io.conversations.application.port.out.Transactions;
import io.conversations.domain.chat.Chat;
import io.conversations.domain.chat.ChatId;
import io.conversations.domain.chat.ChatType;
import io.conversations.domain.chat.Message;
import io.conversations.domain.chat.MessageContent;
import io.conversations.domain.conversation.Conversation;
import io.conversations.domain.conversation.ConversationChange;
import io.conversations.domain.conversation.ConversationId;
import io.conversations.domain.conversation.Marks;
import io.conversations.domain.conversation.RemindType;
import io.conversations.domain.event.ConversationEvent;
import io.conversations.domain.event.RecordedEvent;
import io.conversations.domain.group.GroupsSnapshot;
import io.conversations.domain.identity.CorpId;
import io.conversations.domain.identity.GroupName;
import io.conversations.domain.identity.UserId;
import io.conversations.domain.identity.UserRef;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Every out-port in memory, for fast use-case tests. One lock serialises transactions; it does
 * not roll back (use cases decide before they write; rollback is proven on the real stores).
 */
public final class InMemoryStore implements Transactions, Directory, Chats, Conversations, ConversationGroups,
        EventLog, Messages, PickedChats, IdempotencyKeys {
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<CorpId, String> corps = new HashMap<>();
    private final Map<UserRef, String[]> users = new HashMap<>();
    private final Map<UserRef, Long> lastSeq = new HashMap<>();
    private final Map<String, Chat> chats = new HashMap<>();
    private final Map<String, Set<UserId>> members = new HashMap<>();
    private final Map<String, ChatId> pairs = new HashMap<>();
    private final Map<UserRef, Map<ConversationId, Row>> conversations = new HashMap<>();
    private final Map<UserRef, Map<GroupName, List<ConversationId>>> groups = new HashMap<>();
    private final Map<UserRef, Integer> groupedCount = new HashMap<>();
    private final Map<UserRef, List<RecordedEvent>> events = new HashMap<>();
    private final Map<String, List<Message>> messages = new HashMap<>();
    private long lastMessageId;
    private final Map<String, Pick> picks = new HashMap<>();
    private final Map<List<String>, Object[]> idempotency = new HashMap<>();
    /** Every event in the order it was written: what pruning deletes, oldest first. */
    private final TreeMap<Long, Written> written = new TreeMap<>();
    private long lastWritten;

    private record Written(UserRef user, RecordedEvent event) {}

    /** A conversation's own state (of a big chat: what its derived view adds to the chat's). */
    private static final class Row {
        ChatId chat;
        boolean pinned;
        boolean hidden;
        String draft = "";
        String customData = "";
        int unread;
        Message last;
        long changedSeq;
        long activityAt;
        long updatedAt;
        boolean big;
        long unreadBase;
        long hiddenSeq;
        long seenVersion;
        Marks marks = Marks.NONE;
        RemindType remind = RemindType.ACCEPT_AND_NOTIFY;
        long clearedThrough;

        boolean discards() {
            return remind == RemindType.DISCARD;
        }
    }

    /** A chat's own state, kept for a big chat (see Chats). */
    private static final class ChatState {
        boolean big;
        long msgSeq;
        Message last;
        long activityAt;
        long version;
    }

    private final Map<String, ChatState> chatStates = new HashMap<>();

    private ChatState state(CorpId corp, ChatId chat) {
        return chatStates.computeIfAbsent(key(corp, chat), k -> new ChatState());
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }

    // ---- Directory
    @Override
    public void putCorp(CorpId corp, String name, long now) {
        corps.put(corp, name);
    }

    @Override
    public boolean corpExists(CorpId corp) {
        return corps.containsKey(corp);
    }

    @Override
    public boolean putUser(UserRef user, String nick, String avatarUrl, long now) {
        String[] before = users.put(user, new String[] {nick, avatarUrl});
        lastSeq.putIfAbsent(user, 0L);
        return before != null && !(before[0].equals(nick) && before[1].equals(avatarUrl));
    }

    @Override
    public boolean userExists(UserRef user) {
        return users.containsKey(user);
    }

    @Override
    public Set<UserRef> existingUsers(Collection<UserRef> users) {
        Set<UserRef> found = new HashSet<>();
        users.stream().filter(this::userExists).forEach(found::add);
        return found;
    }

    @Override
    public void lock(UserRef user) {
        // one lock serialises every transaction already
    }

    // ---- Chats
    private static String key(CorpId corp, ChatId id) {
        return corp + "/" + id;
    }

    private static String pair(CorpId corp, UserId a, UserId b) {
        return corp + "/" + (a.value().compareTo(b.value()) < 0 ? a + " " + b : b + " " + a);
    }

    @Override
    public boolean create(Chat chat, List<UserId> chatMembers, long now) {
        String pairKey = chat.type() == ChatType.C2C ? pair(chat.corp(), chatMembers.get(0), chatMembers.get(1)) : null;
        if (chats.containsKey(key(chat.corp(), chat.id())) || (pairKey != null && pairs.containsKey(pairKey))) {
            return false;
        }
        chats.put(key(chat.corp(), chat.id()), chat);
        members.put(key(chat.corp(), chat.id()), new LinkedHashSet<>(chatMembers));
        if (pairKey != null) {
            pairs.put(pairKey, chat.id());
        }
        return true;
    }

    @Override
    public Optional<Chat> find(CorpId corp, ChatId id) {
        Chat chat = chats.get(key(corp, id));
        return chat == null ? Optional.empty() : Optional.of(new Chat(corp, id, chat.type(), chat.title(),
                chat.avatarIcons(), chat.owner(), members.get(key(corp, id)).size()));
    }

    @Override
    public Optional<ChatId> findOneToOne(CorpId corp, UserId a, UserId b) {
        return Optional.ofNullable(pairs.get(pair(corp, a, b)));
    }

    @Override
    public List<UserId> members(CorpId corp, ChatId id) {
        return members.getOrDefault(key(corp, id), Set.of()).stream().sorted(Comparator.comparing(UserId::value)).toList();
    }

    @Override
    public List<UserId> oneToOnePeers(CorpId corp, UserId user) {
        return chats.values().stream()
                .filter(c -> c.corp().equals(corp) && c.type() == ChatType.C2C)
                .map(c -> members.get(key(corp, c.id())))
                .filter(m -> m.contains(user))
                .flatMap(m -> m.stream().filter(u -> !u.equals(user)))
                .sorted(Comparator.comparing(UserId::value)).toList();
    }

    @Override
    public boolean isMember(CorpId corp, ChatId id, UserId user) {
        return members.getOrDefault(key(corp, id), Set.of()).contains(user);
    }

    @Override
    public Optional<Size> lock(CorpId corp, ChatId id) {
        return chats.containsKey(key(corp, id)) ? Optional.of(state(corp, id).big ? Size.BIG : Size.SMALL)
                : Optional.empty();
    }

    @Override
    public Optional<Size> lockFor(CorpId corp, ChatId id, UserId member) {
        return isMember(corp, id, member) ? lock(corp, id) : Optional.empty();
    }

    @Override
    public long messageArrived(CorpId corp, Message message) {
        ChatState chat = state(corp, message.chat());
        chat.msgSeq++;
        chat.version++;
        if (chat.last == null || message.id() > chat.last.id()) {
            chat.last = message;
        }
        chat.activityAt = Math.max(chat.activityAt, message.sentAt());
        return chat.version;
    }

    @Override
    public long touch(CorpId corp, ChatId id) {
        return ++state(corp, id).version;
    }

    @Override
    public void growBig(CorpId corp, ChatId id) {
        ChatState chat = state(corp, id);
        chat.big = true;
        List<Message> sent = messages.getOrDefault(key(corp, id), List.of());
        chat.last = sent.isEmpty() ? null : sent.get(sent.size() - 1);
        chat.activityAt = chat.last == null ? 0 : chat.last.sentAt();
    }

    @Override
    public boolean addMember(CorpId corp, ChatId id, UserId user, long now) {
        return members.get(key(corp, id)).add(user);
    }

    @Override
    public boolean removeMember(CorpId corp, ChatId id, UserId user) {
        return members.get(key(corp, id)).remove(user);
    }

    // ---- Conversations
    @Override
    public void open(UserRef user, ConversationId id, ChatId chat, long now) {
        Row existing = conversations.getOrDefault(user, Map.of()).get(id);
        if (existing != null) {
            existing.hidden = false;
            return;
        }
        ChatState state = state(user.corp(), chat);
        Row row = new Row();
        row.chat = chat;
        row.activityAt = now;
        row.updatedAt = now;
        List<Message> sent = messages.getOrDefault(key(user.corp(), chat), List.of());
        row.last = sent.isEmpty() ? null : sent.get(sent.size() - 1);
        row.big = state.big;
        row.unreadBase = state.msgSeq;
        row.seenVersion = state.version;
        conversations.computeIfAbsent(user, u -> new LinkedHashMap<>()).put(id, row);
    }

    @Override
    public void recordOwnMessage(UserRef sender, Message message, long version) {
        conversations.getOrDefault(sender, Map.of()).values().stream().filter(r -> r.chat.equals(message.chat()))
                .forEach(row -> {
                    row.unreadBase++;
                    row.activityAt = Math.max(row.activityAt, message.sentAt());
                    row.updatedAt = Math.max(row.updatedAt, message.sentAt());
                    row.last = message;
                    row.hidden = false;
                    row.seenVersion = Math.max(row.seenVersion, version);
                });
    }

    @Override
    public void deriveFromChat(CorpId corp, ChatId chat) {
        ChatState state = state(corp, chat);
        conversations.forEach((user, rows) -> rows.values().forEach(row -> {
            if (user.corp().equals(corp) && row.chat.equals(chat)) {
                row.big = true;
                row.unreadBase = state.msgSeq - row.unread;
                row.hiddenSeq = state.msgSeq;
                row.seenVersion = state.version;
            }
        }));
    }

    @Override
    public Set<ChatId> bigChatsOf(UserRef user) {
        Set<ChatId> out = new LinkedHashSet<>();
        conversations.getOrDefault(user, Map.of()).values().stream().filter(r -> r.big).forEach(r -> out.add(r.chat));
        return out;
    }

    @Override
    public Map<UserId, List<Untold>> untold(CorpId corp, Collection<UserId> users) {
        Map<UserId, List<Untold>> out = new LinkedHashMap<>();
        for (UserId id : new LinkedHashSet<>(users)) {
            UserRef user = new UserRef(corp, id);
            conversations.getOrDefault(user, Map.of()).forEach((cid, row) -> {
                long version = state(corp, row.chat).version;
                if (row.big && row.seenVersion < version) {
                    out.computeIfAbsent(id, k -> new ArrayList<>()).add(new Untold(render(user, cid, row), version));
                }
            });
        }
        return out;
    }

    @Override
    public void markTold(CorpId corp, Map<UserId, Map<ChatId, Long>> versions) {
        versions.forEach((id, chats) -> conversations.getOrDefault(new UserRef(corp, id), Map.of()).values()
                .forEach(row -> {
                    Long version = chats.get(row.chat);
                    if (version != null) {
                        row.seenVersion = Math.max(row.seenVersion, version);
                    }
                }));
    }

    @Override
    public void close(UserRef user, ConversationId id) {
        conversations.getOrDefault(user, new HashMap<>()).remove(id);
    }

    @Override
    public void recordMessage(CorpId corp, Message message) {
        conversations.forEach((user, rows) -> rows.values().forEach(row -> {
            if (user.corp().equals(corp) && row.chat.equals(message.chat())) {
                boolean sender = user.user().equals(message.sender());
                if (sender || !row.discards()) {
                    row.activityAt = message.sentAt();
                    row.hidden = false;
                }
                row.updatedAt = message.sentAt();
                row.last = message;
                if (!sender && !row.discards()) {
                    row.unread++;
                }
            }
        }));
    }

    @Override
    public boolean change(UserRef user, ConversationId id, ConversationChange change, long now) {
        Row row = conversations.getOrDefault(user, Map.of()).get(id);
        if (row == null) {
            return false;
        }
        if (change instanceof ConversationChange.Pin pin) {
            row.pinned = pin.pinned();
        } else if (change instanceof ConversationChange.Draft draft) {
            row.draft = draft.text();
        } else if (change instanceof ConversationChange.CustomData data) {
            row.customData = data.data();
        } else if (change instanceof ConversationChange.MarkRead) {
            read(user, row);
        } else if (change instanceof ConversationChange.Hide hide) {
            row.hidden = true;
            row.hiddenSeq = row.big ? state(user.corp(), row.chat).msgSeq : row.hiddenSeq;
            if (hide.clearHistory()) {
                clearHistory(user, row);
            }
        } else if (change instanceof ConversationChange.ClearHistory) {
            clearHistory(user, row);
        } else if (change instanceof ConversationChange.Remind remind) {
            long msgSeq = state(user.corp(), row.chat).msgSeq;
            if (row.discards() || remind.type() == RemindType.DISCARD) {
                row.unread = 0;
                row.unreadBase = row.big ? msgSeq : row.unreadBase;
            }
            if (row.big && row.discards()) {
                row.hiddenSeq = msgSeq;
            }
            row.remind = remind.type();
        } else {
            throw new IllegalArgumentException("no field for the change " + change);
        }
        row.updatedAt = now;
        return true;
    }

    private void read(UserRef user, Row row) {
        row.unread = 0;
        row.unreadBase = row.big ? state(user.corp(), row.chat).msgSeq : row.unreadBase;
    }

    private void clearHistory(UserRef user, Row row) {
        List<Message> sent = messages.getOrDefault(key(user.corp(), row.chat), List.of());
        row.clearedThrough = sent.isEmpty() ? 0 : sent.get(sent.size() - 1).id();
        read(user, row);
    }

    @Override
    public Map<ConversationId, Marks> marksOf(UserRef user, Collection<ConversationId> ids) {
        Map<ConversationId, Marks> out = new LinkedHashMap<>();
        Map<ConversationId, Row> mine = conversations.getOrDefault(user, Map.of());
        ids.stream().filter(mine::containsKey).forEach(id -> out.put(id, mine.get(id).marks));
        return out;
    }

    @Override
    public void storeMarks(UserRef user, Map<ConversationId, Marks> marks, long now) {
        marks.forEach((id, set) -> {
            Row row = conversations.get(user).get(id);
            row.marks = set;
            row.updatedAt = now;
        });
    }

    @Override
    public List<ConversationId> readAll(UserRef user, long now) {
        List<ConversationId> read = new ArrayList<>();
        conversations.getOrDefault(user, Map.of()).forEach((id, row) -> {
            if (render(user, id, row).unreadCount() > 0) {
                read(user, row);
                row.updatedAt = now;
                read.add(id);
            }
        });
        return read;
    }

    @Override
    public long unreadTotal(UserRef user) {
        return conversations.getOrDefault(user, Map.of()).entrySet().stream()
                .mapToLong(e -> counted(render(user, e.getKey(), e.getValue()))).sum();
    }

    /** What the total and a group's badge count of a conversation: nothing of a hidden or do-not-disturb one. */
    private static long counted(Conversation c) {
        return c.hidden() || c.remindType().muted() ? 0 : c.unreadCount();
    }

    @Override
    public long historyClearedThrough(UserRef user, ChatId chat) {
        return conversations.getOrDefault(user, Map.of()).values().stream().filter(r -> r.chat.equals(chat))
                .mapToLong(r -> r.clearedThrough).findFirst().orElse(0);
    }

    @Override
    public Optional<Conversation> find(UserRef user, ConversationId id) {
        return findAll(user, List.of(id)).stream().findFirst();
    }

    @Override
    public Optional<Conversation> findByChat(UserRef user, ChatId chat) {
        return conversations.getOrDefault(user, Map.of()).entrySet().stream()
                .filter(e -> e.getValue().chat.equals(chat)).map(e -> render(user, e.getKey(), e.getValue())).findFirst();
    }

    @Override
    public List<Conversation> findAll(UserRef user, Collection<ConversationId> ids) {
        Map<ConversationId, Row> mine = conversations.getOrDefault(user, Map.of());
        return ids.stream().distinct().filter(mine::containsKey).map(id -> render(user, id, mine.get(id))).toList();
    }

    @Override
    public Set<ConversationId> existing(UserRef user, Collection<ConversationId> ids) {
        Map<ConversationId, Row> mine = conversations.getOrDefault(user, Map.of());
        Set<ConversationId> out = new LinkedHashSet<>();
        ids.stream().filter(mine::containsKey).forEach(out::add);
        return out;
    }

    @Override
    public List<Conversation> page(UserRef user, ConversationQuery query, int limit) {
        Comparator<Conversation> order = Comparator.comparing(Conversation::pinned)
                .thenComparingLong(Conversation::activityAt)
                .thenComparing(c -> c.id().toString()).reversed();
        Map<ConversationId, Row> mine = conversations.getOrDefault(user, Map.of());
        List<ConversationId> inGroup = query.group().map(g -> groups.getOrDefault(user, Map.of()).get(g)).orElse(null);
        return mine.entrySet().stream()
                .filter(e -> query.includeHidden() || !render(user, e.getKey(), e.getValue()).hidden())
                .filter(e -> query.type().map(t -> t == e.getKey().type()).orElse(true))
                .filter(e -> inGroup == null || inGroup.contains(e.getKey()))
                .filter(e -> query.after().map(at -> e.getValue().changedSeq <= at.asOfSeq()).orElse(true))
                .map(e -> render(user, e.getKey(), e.getValue()))
                .filter(c -> query.after().map(at -> after(c, at)).orElse(true))
                .filter(c -> query.titleContains().map(t -> c.title().toLowerCase(java.util.Locale.ROOT)
                        .contains(t.toLowerCase(java.util.Locale.ROOT))).orElse(true))
                .filter(c -> query.mark().map(m -> c.marks().has(m)).orElse(true))
                .filter(c -> !query.unreadOnly() || c.unreadCount() > 0)
                .sorted(order).limit(limit).toList();
    }

    private static boolean after(Conversation c, ListPosition at) {
        if (c.pinned() != at.pinned()) {
            return !c.pinned();
        }
        if (c.activityAt() != at.activityAt()) {
            return c.activityAt() < at.activityAt();
        }
        return c.id().toString().compareTo(at.id().toString()) < 0;
    }

    private Conversation render(UserRef user, ConversationId id, Row row) {
        Chat chat = find(user.corp(), row.chat).orElseThrow();
        List<GroupName> in = groups.getOrDefault(user, Map.of()).entrySet().stream()
                .filter(e -> e.getValue().contains(id)).map(Map.Entry::getKey).toList();
        String title = chat.title();
        List<String> avatars = chat.avatarIcons();
        if (id.type() == ChatType.C2C) {
            String[] peer = users.get(new UserRef(user.corp(), new UserId(id.target())));
            title = peer == null || peer[0].isEmpty() ? id.target() : peer[0];
            avatars = peer == null || peer[1].isEmpty() ? List.of() : List.of(peer[1]);
        }
        if (row.big) {
            ChatState state = state(user.corp(), row.chat);
            return new Conversation(id, row.chat, title, avatars, chat.memberCount(),
                    row.discards() ? 0 : (int) (state.msgSeq - row.unreadBase), shown(state.last, row), row.pinned,
                    in, row.draft, row.customData, row.hidden && (state.msgSeq <= row.hiddenSeq || row.discards()),
                    row.discards() ? row.activityAt : Math.max(row.activityAt, state.activityAt),
                    Math.max(row.updatedAt, state.activityAt), row.marks, row.remind);
        }
        return new Conversation(id, row.chat, title, avatars, chat.memberCount(), row.discards() ? 0 : row.unread,
                shown(row.last, row), row.pinned, in,
                row.draft, row.customData, row.hidden, row.activityAt, row.updatedAt, row.marks, row.remind);
    }

    /** The last message, unless the user cleared the history since. */
    private static Optional<Message> shown(Message last, Row row) {
        return last == null || last.id() <= row.clearedThrough ? Optional.empty() : Optional.of(last);
    }

    // ---- ConversationGroups
    private Map<GroupName, List<ConversationId>> groupsOf(UserRef user) {
        return groups.computeIfAbsent(user, u -> new LinkedHashMap<>());
    }

    @Override
    public GroupsSnapshot loadForUpdate(UserRef user, Collection<ConversationId> concerned) {
        Set<ConversationId> owned = new HashSet<>(concerned);
        owned.retainAll(conversations.getOrDefault(user, Map.of()).keySet());
        Map<ConversationId, Set<GroupName>> in = new HashMap<>();
        groupsOf(user).forEach((name, ids) -> ids.stream().filter(owned::contains)
                .forEach(id -> in.computeIfAbsent(id, k -> new HashSet<>()).add(name)));
        return new GroupsSnapshot(List.copyOf(groupsOf(user).keySet()), groupedCount.getOrDefault(user, 0), owned, in);
    }

    @Override
    public void storeGroupedCount(UserRef user, int count) {
        groupedCount.put(user, count);
    }

    /** What the real stores count again when a whole group or a conversation leaves: the distinct grouped ids. */
    private void recount(UserRef user) {
        groupedCount.put(user, (int) groupsOf(user).values().stream().flatMap(List::stream).distinct().count());
    }

    @Override
    public boolean exists(UserRef user, GroupName name) {
        return groupsOf(user).containsKey(name);
    }

    @Override
    public List<GroupSummary> summaries(UserRef user) {
        List<GroupSummary> out = new ArrayList<>();
        groupsOf(user).forEach((name, ids) -> out.add(new GroupSummary(name, ids.size(),
                findAll(user, ids).stream().mapToLong(InMemoryStore::counted).sum())));
        return out;
    }

    @Override
    public void create(UserRef user, GroupName name, long now) {
        groupsOf(user).put(name, new ArrayList<>());
    }

    @Override
    public void rename(UserRef user, GroupName from, GroupName to) {
        Map<GroupName, List<ConversationId>> renamed = new LinkedHashMap<>();
        groupsOf(user).forEach((name, ids) -> renamed.put(name.equals(from) ? to : name, ids));
        groups.put(user, renamed);
    }

    @Override
    public void delete(UserRef user, GroupName name) {
        groupsOf(user).remove(name);
        recount(user);
    }

    @Override
    public void add(UserRef user, GroupName name, Collection<ConversationId> ids, long now) {
        groupsOf(user).get(name).addAll(ids);
    }

    @Override
    public void remove(UserRef user, GroupName name, Collection<ConversationId> ids) {
        groupsOf(user).get(name).removeAll(ids);
    }

    @Override
    public List<GroupName> removeEverywhere(UserRef user, ConversationId id) {
        List<GroupName> names = new ArrayList<>();
        groupsOf(user).forEach((name, ids) -> {
            if (ids.remove(id)) {
                names.add(name);
            }
        });
        recount(user);
        return names;
    }

    // ---- Messages
    @Override
    public Message append(CorpId corp, ChatId chat, UserId sender, MessageContent content, long now) {
        Message message = new Message(++lastMessageId, chat, sender, content, now);
        messages.computeIfAbsent(key(corp, chat), k -> new ArrayList<>()).add(message);
        return message;
    }

    @Override
    public List<Message> page(CorpId corp, ChatId chat, Optional<Long> before, long after, int limit) {
        List<Message> all = new ArrayList<>(messages.getOrDefault(key(corp, chat), List.of()));
        java.util.Collections.reverse(all);
        return all.stream().filter(m -> before.map(b -> m.id() < b).orElse(true)).filter(m -> m.id() > after)
                .limit(limit).toList();
    }

    @Override
    public void markListed(CorpId corp, ChatId chat, Map<UserId, Long> listedAtSeq) {
        listedAtSeq.forEach((user, seq) -> {
            conversations.getOrDefault(new UserRef(corp, user), Map.of()).values().stream()
                    .filter(row -> row.chat.equals(chat)).forEach(row -> row.changedSeq = seq);
        });
    }

    // ---- EventLog
    @Override
    public Map<UserRef, Long> appendAll(Map<UserRef, List<ConversationEvent>> byUser, long now) {
        Map<UserRef, Long> first = new HashMap<>();
        byUser.forEach((user, happened) -> {
            long seq = lastSeq.getOrDefault(user, 0L);
            first.put(user, seq + 1);
            List<RecordedEvent> log = events.computeIfAbsent(user, u -> new ArrayList<>());
            for (ConversationEvent event : happened) {
                RecordedEvent recorded = new RecordedEvent(++seq, event, now);
                log.add(recorded);
                written.put(++lastWritten, new Written(user, recorded));
            }
            lastSeq.put(user, seq);
        });
        return first;
    }

    @Override
    public EventPage readAfter(UserRef user, long after, int limit) {
        return new EventPage(events.getOrDefault(user, List.of()).stream().filter(e -> e.seq() > after).limit(limit)
                .toList(), lastSeq(user));
    }

    @Override
    public long lastSeq(UserRef user) {
        return lastSeq.getOrDefault(user, 0L);
    }

    @Override
    public int prune(long recordedBefore, int limit) {
        List<Long> gone = written.entrySet().stream().filter(e -> e.getValue().event().at() < recordedBefore)
                .limit(limit).map(Map.Entry::getKey).toList();
        for (Long position : gone) {
            Written removed = written.remove(position);
            events.get(removed.user()).remove(removed.event());
        }
        return gone.size();
    }

    // ---- PickedChats
    @Override
    public void record(String cid, UserRef picker, ChatId chat, long now) {
        if (picks.putIfAbsent(cid, new Pick(cid, picker, chat, now, false)) != null) {
            throw new IllegalStateException("duplicate cid " + cid);
        }
    }

    @Override
    public Optional<Pick> findForUpdate(CorpId corp, String cid) {
        return Optional.ofNullable(picks.get(cid)).filter(p -> p.picker().corp().equals(corp));
    }

    @Override
    public void markUsed(CorpId corp, String cid, long now) {
        findForUpdate(corp, cid).ifPresent(p -> picks.put(cid, new Pick(cid, p.picker(), p.chat(), p.pickedAt(), true)));
    }

    @Override
    public long pruneBefore(long cutoff) {
        int before = picks.size();
        picks.values().removeIf(p -> p.pickedAt() < cutoff);
        return before - picks.size();
    }

    // ---- IdempotencyKeys (the store's one lock serialises claims)
    @Override
    public Optional<Stored> claim(String scope, String key, String fingerprint, long now) {
        Object[] row = idempotency.get(List.of(scope, key));
        if (row == null) {
            idempotency.put(List.of(scope, key), new Object[] {fingerprint, 0, new byte[0], now});
            return Optional.empty();
        }
        return Optional.of(new Stored((String) row[0], (Integer) row[1], (byte[]) row[2]));
    }

    @Override
    public void complete(String scope, String key, int status, byte[] body) {
        Object[] row = idempotency.get(List.of(scope, key));
        row[1] = status;
        row[2] = body;
    }

    @Override
    public long forgetBefore(long cutoff) {
        int before = idempotency.size();
        idempotency.values().removeIf(row -> (Long) row[3] < cutoff);
        return before - idempotency.size();
    }
}
