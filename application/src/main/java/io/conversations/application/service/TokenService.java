package io.conversations.application.service;

import io.conversations.application.port.in.IdentifyUser;
import io.conversations.application.port.in.IssueToken;
import io.conversations.application.port.in.IssuedToken;
import io.conversations.application.port.out.Clock;
import io.conversations.application.port.out.Directory;
import io.conversations.application.port.out.Tokens;
import io.conversations.application.port.out.Transactions;
import io.conversations.domain.common.Outcome;
import io.conversations.domain.common.Problem;
import io.conversations.domain.identity.UserRef;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/** Users' bearer tokens: minted for the corp's backend, and the user a token names checked on every request. */
public final class TokenService implements IssueToken, IdentifyUser {
    /** Users found to exist are remembered up to this many (about 100 bytes each), then forgotten all at once. */
    static final int MAX_KNOWN_USERS = 200_000;

    private final Transactions transactions;
    private final Directory directory;
    private final Tokens tokens;
    private final Clock clock;
    private final Set<UserRef> known = ConcurrentHashMap.newKeySet();
    /** Users asked for and not found in {@link #known}, each with the answer its requests wait for. */
    private final ConcurrentHashMap<UserRef, CompletableFuture<Boolean>> asking = new ConcurrentHashMap<>();
    private final ReentrantLock reading = new ReentrantLock();

    public TokenService(Transactions transactions, Directory directory, Tokens tokens, Clock clock) {
        this.transactions = transactions;
        this.directory = directory;
        this.tokens = tokens;
        this.clock = clock;
    }

    @Override
    public Outcome<IssuedToken> issue(UserRef user, long ttlSeconds) {
        if (ttlSeconds < 1 || ttlSeconds > MAX_TTL_SECONDS) {
            return Outcome.rejected(Problem.MALFORMED, "ttlSeconds must be 1.." + MAX_TTL_SECONDS);
        }
        boolean exists = transactions.inTransaction(() -> directory.userExists(user));
        if (!exists) {
            return Outcome.rejected(Problem.NOT_FOUND, "no user " + user.user() + " in corp " + user.corp());
        }
        long expiresAt = clock.millis() + ttlSeconds * 1000;
        return Outcome.done(new IssuedToken(tokens.issue(user, expiresAt), expiresAt));
    }

    /**
     * Users are never removed (there is no call for it), so one found once stays known: every request
     * authenticates, and this spares each one a read. Unknown users are asked for every time, together: the
     * requests that miss while a read runs (a restarted node's clients reconnecting) are answered by the next
     * read, one for all of them.
     */
    @Override
    public boolean isKnown(UserRef user) {
        if (known.contains(user)) {
            return true;
        }
        CompletableFuture<Boolean> answer = asking.computeIfAbsent(user, u -> new CompletableFuture<>());
        readWhileAsked();
        try {
            return answer.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while looking the user up", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException failure ? failure : new IllegalStateException(e.getCause());
        }
    }

    /**
     * One caller at a time reads for every user asked for so far, until none is left; a caller that finds another
     * reading leaves its user to that one. After letting go it looks again: a user asked for just before it let
     * go would otherwise wait for nobody.
     */
    private void readWhileAsked() {
        while (!asking.isEmpty() && reading.tryLock()) {
            try {
                while (!asking.isEmpty()) {
                    Map<UserRef, CompletableFuture<Boolean>> batch = new HashMap<>();
                    for (UserRef asked : List.copyOf(asking.keySet())) {
                        CompletableFuture<Boolean> answer = asking.remove(asked);
                        if (answer != null) {
                            batch.put(asked, answer);
                        }
                    }
                    answerBatch(batch);
                }
            } finally {
                reading.unlock();
            }
        }
    }

    private void answerBatch(Map<UserRef, CompletableFuture<Boolean>> batch) {
        Set<UserRef> existing;
        try {
            existing = transactions.inTransaction(() -> directory.existingUsers(batch.keySet()));
        } catch (RuntimeException e) {
            batch.values().forEach(answer -> answer.completeExceptionally(e));
            return;
        }
        if (known.size() + existing.size() > MAX_KNOWN_USERS) {
            known.clear();
        }
        known.addAll(existing);
        batch.forEach((asked, answer) -> answer.complete(existing.contains(asked)));
    }
}
