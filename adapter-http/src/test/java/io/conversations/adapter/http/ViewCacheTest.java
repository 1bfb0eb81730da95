package io.conversations.adapter.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.conversations.adapter.http.RenderedViews.Reservation;
import io.conversations.domain.identity.UserRef;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ViewCacheTest {
    private static final UserRef ALICE = UserRef.of("acme", "alice");
    private static final UserRef BOB = UserRef.of("acme", "bob");
    private static final UserRef OTHER_CORPS_ALICE = UserRef.of("globex", "alice");

    /** What the store says each user's committed sequence is, and how often it was asked. */
    private final Map<UserRef, Long> committed = new HashMap<>();
    private final AtomicInteger asked = new AtomicInteger();
    private final AtomicLong now = new AtomicLong(1_000_000_000_000L);
    private final ViewCache cache = new ViewCache(10_000, user -> {
        asked.incrementAndGet();
        return committed.getOrDefault(user, 0L);
    }, now::get);

    @Test
    void servesWhatWasKeptUntilTheUsersSequenceMovesPastIt() {
        cache.caughtUp(now.get());
        cache.reserve(ALICE).keep("first", 5, Set.of(), bytes("page@5"));
        assertArrayEquals(bytes("page@5"), cache.find(ALICE, "first").orElseThrow());
        cache.advanced(ALICE, 5);
        assertTrue(cache.find(ALICE, "first").isPresent(), "an event it already reflects changes nothing");
        cache.advanced(ALICE, 6);
        assertEquals(Optional.empty(), cache.find(ALICE, "first"));
    }

    @Test
    void aChangeCommittedWhileTheAnswerWasBeingReadMakesItStaleAtOnce() {
        cache.caughtUp(now.get());
        Reservation reading = cache.reserve(ALICE);
        cache.advanced(ALICE, 8); // committed after the read began: the read may or may not show it
        reading.keep("first", 7, Set.of(), bytes("page@7"));
        assertEquals(Optional.empty(), cache.find(ALICE, "first"), "kept as of 7, but 8 is committed");
        cache.reserve(ALICE).keep("first", 8, Set.of(), bytes("page@8"));
        assertArrayEquals(bytes("page@8"), cache.find(ALICE, "first").orElseThrow());
    }

    @Test
    void eachUserAndEachCorpHasItsOwn() {
        cache.caughtUp(now.get());
        cache.reserve(ALICE).keep("first", 1, Set.of(), bytes("alice"));
        assertEquals(Optional.empty(), cache.find(BOB, "first"));
        assertEquals(Optional.empty(), cache.find(OTHER_CORPS_ALICE, "first"));
        cache.advanced(BOB, 99);
        assertTrue(cache.find(ALICE, "first").isPresent());
    }

    @Test
    void whileTheTailIsSilentEveryAnswerIsCheckedAgainstTheStoreFirst() {
        cache.reserve(ALICE).keep("first", 1, Set.of(), bytes("page@1"));
        committed.put(ALICE, 1L);
        assertArrayEquals(bytes("page@1"), cache.find(ALICE, "first").orElseThrow(), "before the first round");
        assertEquals(1, asked.get());
        cache.caughtUp(now.get());
        now.addAndGet(ViewCache.TAIL_SILENCE_NANOS + 1);
        committed.put(ALICE, 2L); // another node's change the silent tail did not report
        assertEquals(Optional.empty(), cache.find(ALICE, "first"));
        assertEquals(2, asked.get());
        cache.reserve(ALICE).keep("first", 2, Set.of(), bytes("page@2"));
        cache.caughtUp(now.get());
        assertArrayEquals(bytes("page@2"), cache.find(ALICE, "first").orElseThrow());
        assertEquals(2, asked.get(), "a tail that runs is trusted");
    }

    @Test
    void anAnswerNotConfirmedForAMinuteIsCheckedAgainstTheStoreOnceThenTrustedAgain() {
        cache.caughtUp(now.get());
        cache.reserve(ALICE).keep("first", 3, Set.of(), bytes("page@3"));
        cache.reserve(BOB).keep("first", 3, Set.of(), bytes("bob@3"));
        committed.put(ALICE, 3L);
        committed.put(BOB, 4L); // a change the tail gave up on
        now.addAndGet(ViewCache.MAX_AGE_NANOS + 1);
        cache.caughtUp(now.get());
        assertArrayEquals(bytes("page@3"), cache.find(ALICE, "first").orElseThrow());
        assertArrayEquals(bytes("page@3"), cache.find(ALICE, "first").orElseThrow());
        assertEquals(1, asked.get(), "confirmed once, then trusted for another minute");
        assertEquals(Optional.empty(), cache.find(BOB, "first"), "the store knows a newer sequence");
        assertEquals(Optional.empty(), cache.find(BOB, "first"));
        assertEquals(2, asked.get(), "the newer sequence is remembered");
    }

    @Test
    void whenTheStoreCannotBeAskedTheAnswerIsNotServed() {
        ViewCache failing = new ViewCache(10_000, user -> {
            throw new IllegalStateException("store down");
        }, now::get);
        failing.reserve(ALICE).keep("first", 1, Set.of(), bytes("page"));
        assertEquals(Optional.empty(), failing.find(ALICE, "first"));
    }

    @Test
    void staysWithinItsSizeByDroppingTheLeastRecentlyUsedUsers() {
        cache.caughtUp(now.get());
        byte[] page = new byte[1_000];
        for (int i = 0; i < 30; i++) {
            UserRef user = UserRef.of("acme", "u" + i);
            cache.reserve(user).keep("first", 1, Set.of(), page);
            cache.find(ALICE, "first"); // alice stays in use
            if (i == 0) {
                cache.reserve(ALICE).keep("first", 1, Set.of(), page);
            }
            assertTrue(cache.size() <= 10_000, "size " + cache.size());
        }
        assertTrue(cache.find(ALICE, "first").isPresent(), "the user in use is kept");
        assertEquals(Optional.empty(), cache.find(UserRef.of("acme", "u1"), "first"), "an old one is dropped");
        assertTrue(cache.find(UserRef.of("acme", "u29"), "first").isPresent(), "the newest is kept");
    }

    @Test
    void dropsAnswersNotUsersAUsersPageInUseStaysWhileTheirUnusedOneGoes() {
        cache.caughtUp(now.get());
        byte[] page = new byte[1_000];
        cache.reserve(ALICE).keep("first", 1, Set.of(), page);
        cache.reserve(ALICE).keep("group:Suppliers", 1, Set.of(), page);
        for (int i = 0; i < 30; i++) {
            cache.find(ALICE, "group:Suppliers");
            cache.reserve(UserRef.of("acme", "u" + i)).keep("first", 1, Set.of(), page);
        }
        assertTrue(cache.find(ALICE, "group:Suppliers").isPresent());
        assertEquals(Optional.empty(), cache.find(ALICE, "first"));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
