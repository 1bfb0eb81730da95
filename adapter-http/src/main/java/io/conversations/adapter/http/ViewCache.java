package io.conversations.adapter.http;

import io.conversations.application.port.in.EventSequences;
import io.conversations.domain.chat.ChatId;
import io.conversations.domain.identity.CorpId;
import io.conversations.domain.identity.UserRef;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import java.util.function.ToLongFunction;

/**
 * This node's {@link RenderedViews}, bounded in bytes. What makes a kept answer stale is learnt from the
 * application's {@link EventSequences}, two ways:
 * <ul>
 *   <li>this node's commits report each user's new sequence before the request that wrote answers, so a
 *       client reads its own writes here at once;</li>
 *   <li>the store's feed reports every user's new sequence, whichever node wrote it, within the event delay.</li>
 * </ul>
 * A user's view of a big chat moves without their sequence (their event of it is recorded later): an answer
 * names the big chats the user is in, and a change of one of them drops the user's kept answers (told as the
 * sequences are; a change during a read keeps nothing of it).
 * An answer is served only while its sequence is at least the newest one learnt for its user. Two things
 * make it ask the store for the user's committed sequence before serving (one primary-key read instead of
 * rendering the page again): the tail has not completed a round recently (it may have missed another node's
 * change), or the answer was last confirmed more than {@link #MAX_AGE_NANOS} ago (which bounds what a
 * position the tail gave up on could leave stale).
 */
public final class ViewCache implements RenderedViews, EventSequences.Watcher {
    /** A kept answer is confirmed against the store when it was last confirmed longer ago than this. */
    static final long MAX_AGE_NANOS = 60_000_000_000L;
    /** Every answer is confirmed against the store when the feed was last caught up with longer ago than this. */
    static final long TAIL_SILENCE_NANOS = 3_000_000_000L;
    /** Answers kept per user (a first page and a page per group, say); past it the user's are dropped. */
    static final int KEYS_PER_USER = 32;

    private final long maxBytes;
    private final ToLongFunction<UserRef> committedSeq;
    private final LongSupplier nanoTime;
    private final Map<UserRef, UserViews> users = new ConcurrentHashMap<>();
    /** The users whose kept answers show each big chat, and how many big chats' changes each corp has seen. */
    private final Map<ChatKey, Set<UserRef>> byChat = new ConcurrentHashMap<>();
    private final Map<CorpId, AtomicLong> chatChanges = new ConcurrentHashMap<>();

    private record ChatKey(CorpId corp, ChatId chat) {}
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong ticks = new AtomicLong();
    private volatile long tailAt;
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();

    /** A cache of {@code maxBytes} that learns of and confirms users' sequences through {@code sequences}. */
    public static ViewCache watching(long maxBytes, EventSequences sequences) {
        ViewCache cache = new ViewCache(maxBytes, sequences::newest, System::nanoTime);
        sequences.watch(cache);
        return cache;
    }

    ViewCache(long maxBytes, ToLongFunction<UserRef> committedSeq, LongSupplier nanoTime) {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("the cache needs a positive size");
        }
        this.maxBytes = maxBytes;
        this.committedSeq = committedSeq;
        this.nanoTime = nanoTime;
        this.tailAt = nanoTime.getAsLong() - TAIL_SILENCE_NANOS - 1; // before the feed is first caught up with, confirm all
    }

    /** The user's events up to {@code seq} are committed: what is kept as of an older sequence is stale. */
    @Override
    public void advanced(UserRef user, long seq) {
        users.computeIfPresent(user, (u, views) -> {
            views.advance(seq);
            return views;
        });
    }

    /** A big chat changed: every kept answer of its members' is stale. */
    @Override
    public void chatChanged(CorpId corp, ChatId chat) {
        chatChanges.computeIfAbsent(corp, c -> new AtomicLong()).incrementAndGet();
        Set<UserRef> members = byChat.get(new ChatKey(corp, chat));
        if (members != null) {
            members.forEach(user -> {
                UserViews views = users.get(user);
                if (views != null) {
                    bytes.addAndGet(-views.forgetAll());
                }
            });
        }
    }

    /** Every user's sequence committed by {@code System.nanoTime()} = {@code nanos} has been told. */
    @Override
    public void caughtUp(long nanos) {
        tailAt = nanos;
    }

    @Override
    public Optional<byte[]> find(UserRef user, String key) {
        Optional<byte[]> found = lookUp(user, key);
        (found.isPresent() ? hits : misses).increment();
        return found;
    }

    /** First pages answered from what this node kept, and those rendered afresh. */
    public long hits() {
        return hits.sum();
    }

    public long misses() {
        return misses.sum();
    }

    private Optional<byte[]> lookUp(UserRef user, String key) {
        UserViews views = users.get(user);
        if (views == null) {
            return Optional.empty();
        }
        Kept kept = views.current(key);
        if (kept == null) {
            return Optional.empty();
        }
        long now = nanoTime.getAsLong();
        if (now - tailAt > TAIL_SILENCE_NANOS || now - kept.confirmedAt > MAX_AGE_NANOS) {
            long committed;
            try {
                committed = committedSeq.applyAsLong(user);
            } catch (RuntimeException e) {
                return Optional.empty(); // rendering afresh meets the same store and answers its error
            }
            if (committed != kept.seq) {
                views.advance(committed);
                return Optional.empty();
            }
            kept.confirmedAt = now;
        }
        return Optional.ofNullable(views.use(kept, ticks.incrementAndGet()));
    }

    @Override
    public Reservation reserve(UserRef user) {
        UserViews views = users.computeIfAbsent(user, u -> new UserViews());
        AtomicLong corpChanges = chatChanges.computeIfAbsent(user.corp(), c -> new AtomicLong());
        long changesBefore = corpChanges.get();
        return (key, seq, bigChats, rendered) -> {
            if (!bigChats.isEmpty() && corpChanges.get() != changesBefore) {
                return; // a big chat of the corp changed during the read: it may be one of these
            }
            bigChats.forEach(chat -> byChat.computeIfAbsent(new ChatKey(user.corp(), chat),
                    k -> ConcurrentHashMap.newKeySet()).add(user));
            views.showing(bigChats);
            long added = views.keep(key, seq, rendered, nanoTime.getAsLong(), ticks.incrementAndGet());
            if (added != 0 && bytes.addAndGet(added) > maxBytes) {
                evict();
            }
        };
    }

    /** Bytes held now. */
    public long size() {
        return bytes.get();
    }

    /**
     * Drops the least recently used answers until a fifth of the room is free (answers, not users: a user's
     * group pages stay while their unused first page goes), and the users left with none.
     */
    private synchronized void evict() {
        if (bytes.get() <= maxBytes) {
            return;
        }
        record Candidate(UserRef user, UserViews views, String key, long lastUse) {}
        List<Candidate> all = new ArrayList<>();
        users.forEach((user, views) -> views.uses().forEach((key, used) -> all.add(new Candidate(user, views, key, used))));
        all.sort(Comparator.comparingLong(Candidate::lastUse));
        long target = maxBytes - maxBytes / 5;
        for (Candidate c : all) {
            if (bytes.get() <= target) {
                break;
            }
            bytes.addAndGet(-c.views().forget(c.key()));
        }
        users.forEach((user, views) -> {
            if (views.isEmpty() && users.remove(user, views)) {
                bytes.addAndGet(-views.drop());
                views.chats().forEach(chat -> byChat.computeIfPresent(new ChatKey(user.corp(), chat), (k, set) -> {
                    set.remove(user);
                    return set.isEmpty() ? null : set;
                }));
            }
        });
    }

    /** One user's kept answers and the newest sequence learnt for them. */
    private static final class UserViews {
        private final Map<String, Kept> kept = new HashMap<>();
        /** The big chats the kept answers showed (the index byChat lists this user under each). */
        private final Set<ChatId> chats = new HashSet<>();
        private long newest;
        private long held;
        private boolean dropped;

        synchronized void advance(long seq) {
            newest = Math.max(newest, seq);
        }

        /** The answer kept under {@code key} unless a newer sequence is known. */
        synchronized Kept current(String key) {
            Kept k = kept.get(key);
            return k == null || k.seq < newest ? null : k;
        }

        /** The answer's bytes, marked as used now, unless a newer sequence became known meanwhile. */
        synchronized byte[] use(Kept k, long tick) {
            if (k.seq < newest) {
                return null;
            }
            k.lastUse = tick;
            return k.rendered;
        }

        /** Answers how many bytes this added (negative when it freed some). */
        synchronized long keep(String key, long seq, byte[] rendered, long now, long tick) {
            if (dropped || seq < newest) {
                return 0;
            }
            long before = held;
            if (kept.size() >= KEYS_PER_USER && !kept.containsKey(key)) {
                kept.clear();
                held = 0;
            }
            Kept old = kept.put(key, new Kept(seq, rendered, now, tick));
            held += rendered.length - (old == null ? 0 : old.rendered.length);
            return held - before;
        }

        /** When each kept answer was last used. */
        synchronized Map<String, Long> uses() {
            Map<String, Long> uses = new HashMap<>();
            kept.forEach((key, k) -> uses.put(key, k.lastUse));
            return uses;
        }

        /** Forgets one answer; answers the bytes freed. */
        synchronized long forget(String key) {
            Kept k = kept.remove(key);
            if (k == null) {
                return 0;
            }
            held -= k.rendered.length;
            return k.rendered.length;
        }

        synchronized boolean isEmpty() {
            return kept.isEmpty();
        }

        synchronized void showing(Set<ChatId> bigChats) {
            chats.addAll(bigChats);
        }

        synchronized Set<ChatId> chats() {
            return Set.copyOf(chats);
        }

        /** Forgets every kept answer (a big chat of the user's changed); answers the bytes freed. */
        synchronized long forgetAll() {
            long freed = held;
            kept.clear();
            held = 0;
            return freed;
        }

        /** Gives up everything; answers the bytes freed. */
        synchronized long drop() {
            dropped = true;
            long freed = held;
            kept.clear();
            held = 0;
            return freed;
        }
    }

    /** One kept answer; {@code lastUse} is written under its user's lock. */
    private static final class Kept {
        final long seq;
        final byte[] rendered;
        volatile long confirmedAt;
        long lastUse;

        Kept(long seq, byte[] rendered, long confirmedAt, long lastUse) {
            this.seq = seq;
            this.rendered = rendered;
            this.confirmedAt = confirmedAt;
            this.lastUse = lastUse;
        }
    }
}
