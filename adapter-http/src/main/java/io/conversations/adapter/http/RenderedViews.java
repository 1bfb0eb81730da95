package io.conversations.adapter.http;

import io.conversations.domain.chat.ChatId;
import io.conversations.domain.identity.UserRef;
import java.util.Optional;
import java.util.Set;

/**
 * Answers already rendered for a user (a first page of their list, as bytes), kept while the user's
 * event sequence says nothing changed since. Every change of what a user sees records an event in the
 * same transaction, so "no newer event" means "the same answer". Use: look up; on a miss, {@link #reserve}
 * <em>before</em> reading the store, render, then {@link Reservation#keep} with the sequence the read reflected.
 */
public interface RenderedViews {

    /** The answer kept under {@code key} for the user, if it is still current. */
    Optional<byte[]> find(UserRef user, String key);

    /** Starts reading for the user: a change committed from now on makes what is kept with this stale. */
    Reservation reserve(UserRef user);

    /** Keeps one answer rendered after {@link #reserve}. */
    interface Reservation {
        /**
         * Keeps {@code rendered} under {@code key} as of the user's event sequence {@code seq}; it shows the big chats
         * {@code bigChats} as they were (a change of one makes it stale).
         */
        void keep(String key, long seq, Set<ChatId> bigChats, byte[] rendered);
    }

    /** Keeps nothing: every look-up misses. */
    RenderedViews NONE = new RenderedViews() {
        @Override
        public Optional<byte[]> find(UserRef user, String key) {
            return Optional.empty();
        }

        @Override
        public Reservation reserve(UserRef user) {
            return (key, seq, bigChats, rendered) -> { };
        }
    };
}
