package io.conversations.adapter.persistence;

import io.conversations.application.port.out.Directory;
import io.conversations.domain.identity.CorpId;
import io.conversations.domain.identity.UserId;
import io.conversations.domain.identity.UserRef;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Corps and users in the {@code corps} and {@code users} tables. */
final class JdbcDirectory implements Directory {
    private final Jdbc jdbc;

    JdbcDirectory(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void putCorp(CorpId corp, String name, long now) {
        jdbc.update("INSERT INTO corps (corp_id, name, created_at) VALUES (?, ?, ?) "
                + "ON DUPLICATE KEY UPDATE name = ?", corp.value(), name, now, name);
    }

    @Override
    public boolean corpExists(CorpId corp) {
        return jdbc.queryOne("SELECT 1 FROM corps WHERE corp_id = ?", rs -> true, corp.value()).isPresent();
    }

    @Override
    public boolean putUser(UserRef user, String nick, String avatarUrl, long now) {
        var before = jdbc.queryOne("SELECT nick, avatar_url FROM users WHERE corp_id = ? AND user_id = ?",
                rs -> List.of(rs.getString(1), rs.getString(2)), user.corp().value(), user.user().value());
        if (before.isPresent() && before.get().equals(List.of(nick, avatarUrl))) {
            return false;
        }
        jdbc.update("INSERT INTO users (corp_id, user_id, nick, avatar_url, last_event_seq, created_at) "
                        + "VALUES (?, ?, ?, ?, 0, ?) ON DUPLICATE KEY UPDATE nick = ?, avatar_url = ?",
                user.corp().value(), user.user().value(), nick, avatarUrl, now, nick, avatarUrl);
        return before.isPresent();
    }

    @Override
    public void lock(UserRef user) {
        UserRow.lock(jdbc, user);
    }

    @Override
    public void lockAll(CorpId corp, Collection<UserId> users) {
        UserRow.lockAll(jdbc, corp, users);
    }

    @Override
    public boolean userExists(UserRef user) {
        return jdbc.queryOne("SELECT 1 FROM users WHERE corp_id = ? AND user_id = ?", rs -> true,
                user.corp().value(), user.user().value()).isPresent();
    }

    @Override
    public Set<UserRef> existingUsers(Collection<UserRef> users) {
        Map<CorpId, List<String>> byCorp = new LinkedHashMap<>();
        users.forEach(u -> byCorp.computeIfAbsent(u.corp(), c -> new ArrayList<>()).add(u.user().value()));
        Set<UserRef> found = new HashSet<>();
        byCorp.forEach((corp, ids) -> found.addAll(jdbc.query("SELECT user_id FROM users WHERE corp_id = ? AND user_id IN ("
                        + Jdbc.placeholders(ids.size()) + ")",
                rs -> new UserRef(corp, new UserId(rs.getString(1))), Jdbc.params(corp.value(), ids))));
        return found;
    }
}
