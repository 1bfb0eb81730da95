package io.conversations.application.service;

import io.conversations.application.port.in.EventSequences;
import io.conversations.application.port.out.Chats;
import io.conversations.application.port.out.EventLog;
import io.conversations.application.port.out.EventsCommitted;
import io.conversations.application.port.out.Transactions;
import io.conversations.domain.chat.ChatId;
import io.conversations.domain.event.RecordedEvent;
import io.conversations.domain.identity.CorpId;
import io.conversations.domain.identity.UserId;
import io.conversations.domain.identity.UserRef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;

/**
 * Where what the store tells of committed events goes: the bodies to the streams open on this node, the sequences
 * to whoever watches them (answers kept by a user's sequence). A big chat's change is told without its members'
 * events (a send writes the chat, not them): at the end of each round of the feed this records them for the members
 * who follow the chat on this node ({@link ChatChangeEvents}, batched: one transaction for 250 members, however
 * many messages arrived), and for the users who opened a stream here since, what changed while they were away;
 * the tail delivers those events as any other.
 */
public final class EventDelivery implements EventsCommitted, EventSequences {
    private static final System.Logger LOG = System.getLogger(EventDelivery.class.getName());

    private record ChatKey(CorpId corp, ChatId chat) {}

    private final StreamRegistry streams;
    private final Transactions transactions;
    private final EventLog log;
    private final Chats chats;
    private final ChatChangeEvents chatEvents;
    private final List<Watcher> watchers = new CopyOnWriteArrayList<>();
    /** Big chats changed since the last round, and users who opened a stream since: their events are recorded next. */
    private final Set<ChatKey> changedChats = ConcurrentHashMap.newKeySet();
    private final Set<UserRef> followedSince = ConcurrentHashMap.newKeySet();
    /** Members' events of big chats recorded at the ends of rounds, and how long the last round's recording took. */
    private final LongAdder recordedForFollowers = new LongAdder();
    private volatile long lastRecordingMillis;

    public EventDelivery(StreamRegistry streams, Transactions transactions, EventLog log, Chats chats,
                         ChatChangeEvents chatEvents) {
        this.streams = streams;
        this.transactions = transactions;
        this.log = log;
        this.chats = chats;
        this.chatEvents = chatEvents;
        streams.onFollowed(followedSince::add);
    }

    @Override
    public void committed(UserRef user, long seq) {
        for (Watcher watcher : watchers) {
            watcher.advanced(user, seq);
        }
    }

    @Override
    public boolean follows(UserRef user) {
        return streams.follows(user);
    }

    @Override
    public void delivered(UserRef user, RecordedEvent event) {
        streams.deliver(user, event);
    }

    @Override
    public void chatChanged(CorpId corp, ChatId chat) {
        changedChats.add(new ChatKey(corp, chat));
        for (Watcher watcher : watchers) {
            watcher.chatChanged(corp, chat);
        }
    }

    @Override
    public void caughtUp(long nanos) {
        for (Watcher watcher : watchers) {
            watcher.caughtUp(nanos);
        }
    }

    /**
     * The events of the big chats that changed, for their members with a stream here, and of the users who opened
     * one since. What could not be recorded (the store failed) is tried again next time.
     */
    @Override
    public void recordUntold() {
        if (changedChats.isEmpty() && followedSince.isEmpty()) {
            return;
        }
        List<ChatKey> chatsNow = new ArrayList<>(changedChats);
        changedChats.removeAll(chatsNow);
        List<UserRef> usersNow = new ArrayList<>(followedSince);
        followedSince.removeAll(usersNow);
        Map<CorpId, Set<UserId>> opened = new HashMap<>();
        usersNow.forEach(u -> opened.computeIfAbsent(u.corp(), c -> new HashSet<>()).add(u.user()));
        Map<CorpId, Set<UserId>> members = new HashMap<>();
        long started = System.nanoTime();
        try {
            for (ChatKey key : chatsNow) {
                for (UserId member : transactions.inTransaction(() -> chats.members(key.corp(), key.chat()))) {
                    if (streams.follows(new UserRef(key.corp(), member))) {
                        members.computeIfAbsent(key.corp(), c -> new HashSet<>()).add(member);
                    }
                }
            }
            members.forEach((corp, users) -> {
                recordedForFollowers.add(chatEvents.record(corp, users, true));
                opened.getOrDefault(corp, Set.of()).removeAll(users);
            });
            opened.forEach((corp, users) -> recordedForFollowers.add(chatEvents.record(corp, users, false)));
            lastRecordingMillis = (System.nanoTime() - started) / 1_000_000;
        } catch (RuntimeException e) {
            changedChats.addAll(chatsNow);
            followedSince.addAll(usersNow);
            LOG.log(System.Logger.Level.WARNING, "recording big chats' events failed; trying again next round: " + e);
        }
    }

    /** Members' events of big chats recorded for the streams here at the ends of rounds. */
    public long recordedForFollowers() {
        return recordedForFollowers.sum();
    }

    /** Milliseconds the last round spent recording them. */
    public long lastRecordingMillis() {
        return lastRecordingMillis;
    }

    /** {@inheritDoc} What the user's big chats changed is recorded first. */
    @Override
    public long newest(UserRef user) {
        chatEvents.record(user);
        return transactions.inTransaction(() -> log.lastSeq(user));
    }

    @Override
    public void watch(Watcher watcher) {
        watchers.add(watcher);
    }
}
