package io.conversations.application.service;

import io.conversations.application.model.GroupSummary;
import io.conversations.application.port.in.AddConversationsToGroup;
import io.conversations.application.port.in.CreateGroup;
import io.conversations.application.port.in.DeleteGroup;
import io.conversations.application.port.in.ListGroups;
import io.conversations.application.port.in.RemoveConversationsFromGroup;
import io.conversations.application.port.in.RenameGroup;
import io.conversations.application.port.out.Clock;
import io.conversations.application.port.out.ConversationGroups;
import io.conversations.application.port.out.Transactions;
import io.conversations.domain.common.Outcome;
import io.conversations.domain.conversation.ConversationId;
import io.conversations.domain.event.ConversationEvent.GroupListUpdated;
import io.conversations.domain.event.ConversationEvent.GroupRenamed;
import io.conversations.domain.event.ConversationEvent.InGroupUpdated;
import io.conversations.domain.event.ConversationEvent;
import io.conversations.domain.group.BatchResult;
import io.conversations.domain.group.GroupLimits;
import io.conversations.domain.group.UserGroups;
import io.conversations.domain.identity.GroupName;
import io.conversations.domain.identity.UserRef;
import java.util.ArrayList;
import java.util.List;

/**
 * The conversation-group use cases. Each runs in one transaction: load the user's groups (held
 * against concurrent change), ask the aggregate, store what changed, append the events. The events
 * carry names and ids only: a group change never reads or re-sends the conversations themselves.
 */
public final class GroupService implements CreateGroup, RenameGroup, DeleteGroup, AddConversationsToGroup,
        RemoveConversationsFromGroup, ListGroups {
    private final Transactions transactions;
    private final ConversationGroups groups;
    private final EventRecorder events;
    private final Clock clock;
    private final GroupLimits limits;

    public GroupService(Transactions transactions, ConversationGroups groups, EventRecorder events, Clock clock,
                        GroupLimits limits) {
        this.transactions = transactions;
        this.groups = groups;
        this.events = events;
        this.clock = clock;
        this.limits = limits;
    }

    @Override
    public Outcome<BatchResult> create(UserRef user, GroupName name, List<String> conversationIds) {
        return transactions.inTransaction(() -> {
            UserGroups current = load(user, conversationIds);
            Outcome<BatchResult> outcome = current.create(name, conversationIds);
            if (outcome instanceof Outcome.Done<BatchResult> done) {
                long now = clock.millis();
                List<ConversationId> added = done.value().changed();
                groups.create(user, name, now);
                groups.add(user, name, added, now);
                storeCount(user, current, done.value());
                List<GroupName> names = new ArrayList<>(current.names());
                names.add(name);
                record(user, now, new GroupListUpdated(names),
                        added.isEmpty() ? null : InGroupUpdated.added(name, added));
            }
            return outcome;
        });
    }

    @Override
    public Outcome<GroupName> rename(UserRef user, GroupName from, GroupName to) {
        return transactions.inTransaction(() -> {
            UserGroups current = load(user, List.of());
            Outcome<GroupName> outcome = current.rename(from, to);
            if (outcome instanceof Outcome.Done<GroupName> && !from.equals(to)) {
                long now = clock.millis();
                groups.rename(user, from, to);
                List<GroupName> names = current.names().stream().map(n -> n.equals(from) ? to : n).toList();
                record(user, now, new GroupRenamed(from, to), new GroupListUpdated(names));
            }
            return outcome;
        });
    }

    @Override
    public Outcome<GroupName> delete(UserRef user, GroupName name) {
        return transactions.inTransaction(() -> {
            UserGroups current = load(user, List.of());
            Outcome<GroupName> outcome = current.delete(name);
            if (outcome instanceof Outcome.Done<GroupName>) {
                long now = clock.millis();
                groups.delete(user, name);
                List<GroupName> names = current.names().stream().filter(n -> !n.equals(name)).toList();
                record(user, now, new GroupListUpdated(names));
            }
            return outcome;
        });
    }

    @Override
    public Outcome<BatchResult> add(UserRef user, GroupName name, List<String> conversationIds) {
        return transactions.inTransaction(() -> {
            UserGroups current = load(user, conversationIds);
            Outcome<BatchResult> outcome = current.add(name, conversationIds);
            if (outcome instanceof Outcome.Done<BatchResult> done && !done.value().changed().isEmpty()) {
                long now = clock.millis();
                List<ConversationId> added = done.value().changed();
                groups.add(user, name, added, now);
                storeCount(user, current, done.value());
                record(user, now, InGroupUpdated.added(name, added));
            }
            return outcome;
        });
    }

    @Override
    public Outcome<BatchResult> remove(UserRef user, GroupName name, List<String> conversationIds) {
        return transactions.inTransaction(() -> {
            UserGroups current = load(user, conversationIds);
            Outcome<BatchResult> outcome = current.remove(name, conversationIds);
            if (outcome instanceof Outcome.Done<BatchResult> done && !done.value().changed().isEmpty()) {
                long now = clock.millis();
                List<ConversationId> removed = done.value().changed();
                groups.remove(user, name, removed);
                storeCount(user, current, done.value());
                record(user, now, InGroupUpdated.removed(name, removed));
            }
            return outcome;
        });
    }

    @Override
    public List<GroupSummary> list(UserRef user) {
        return transactions.inTransaction(() -> groups.summaries(user));
    }

    /** The user's groups as a change naming these ids sees them; ids that cannot exist are left to the rules. */
    private UserGroups load(UserRef user, List<String> ids) {
        List<ConversationId> parsed = ids.stream().flatMap(raw -> ConversationId.tryParse(raw).stream()).toList();
        return new UserGroups(user, groups.loadForUpdate(user, parsed), limits);
    }

    private void storeCount(UserRef user, UserGroups before, BatchResult result) {
        if (result.groupedCount() != before.groupedCount()) {
            groups.storeGroupedCount(user, result.groupedCount());
        }
    }

    private void record(UserRef user, long now, ConversationEvent... happened) {
        List<ConversationEvent> list = new ArrayList<>();
        for (ConversationEvent e : happened) {
            if (e != null) {
                list.add(e);
            }
        }
        events.record(user, list, now);
    }
}
