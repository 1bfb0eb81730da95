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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Users' bearer tokens: minted for the corp's backend, and the user a token names checked on every request. */
public final class TokenService implements IssueToken, IdentifyUser {
    /** Users found to exist are remembered up to this many (about 100 bytes each), then forgotten all at once. */
    static final int MAX_KNOWN_USERS = 200_000;

    private final Transactions transactions;
    private final Directory directory;
    private final Tokens tokens;
    private final Clock clock;
    private final Set<UserRef> known = ConcurrentHashMap.newKeySet();

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
}
