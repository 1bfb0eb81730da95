package io.conversations.domain.group;

import io.conversations.domain.common.Outcome;
import io.conversations.domain.common.Problem;
import io.conversations.domain.common.Rejection;
import io.conversations.domain.conversation.BatchRules;
import io.conversations.domain.conversation.ConversationId;
import io.conversations.domain.conversation.Failure;
import io.conversations.domain.identity.GroupName;
import io.conversations.domain.identity.UserRef;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One user's conversation groups, as a change sees them (a {@link GroupsSnapshot}): the aggregate every
 * group change goes through. Its methods decide a change by the rules and say what changed; they do not store.
 */
public final class UserGroups {
    private final UserRef owner;
    private final GroupsSnapshot snapshot;
    private final GroupRules.AtMostGroups atMostGroups;
    private final GroupRules.AtMostGroupedConversations atMostGrouped;
    private final BatchRules.IdsPerCall idsPerCall;
    private final GroupRules.UniqueName uniqueName = new GroupRules.UniqueName();
    private final BatchRules.MemberOnly memberOnly = new BatchRules.MemberOnly();

    public UserGroups(UserRef owner, GroupsSnapshot snapshot, GroupLimits limits) {
        this.owner = Objects.requireNonNull(owner, "owner");
        this.snapshot = Objects.requireNonNull(snapshot, "snapshot");
        this.atMostGroups = new GroupRules.AtMostGroups(limits.maxGroups());
        this.atMostGrouped = new GroupRules.AtMostGroupedConversations(limits.maxGroupedConversations());
        this.idsPerCall = new BatchRules.IdsPerCall(limits.maxIdsPerCall());
    }

    public UserRef owner() {
        return owner;
    }

    /** The group names in creation order. */
    public List<GroupName> names() {
        return snapshot.names();
    }

    /** How many distinct conversations the user has in groups before the change. */
    public int groupedCount() {
        return snapshot.groupedCount();
    }

    public boolean has(GroupName name) {
        return snapshot.names().contains(name);
    }

    /** Creates a group, optionally filled with conversations (the list may be empty here). */
    public Outcome<BatchResult> create(GroupName name, List<String> ids) {
        Optional<Rejection> refused = firstRefusal(
                uniqueName.mayUse(name, names()),
                atMostGroups.mayAddOneTo(names().size()),
                idsPerCall.mayTake(ids, false));
        if (refused.isPresent()) {
            return Outcome.rejected(refused.get());
        }
        return Outcome.done(admit(name, ids));
    }

    /** Renames a group; renaming onto its own name changes nothing. */
    public Outcome<GroupName> rename(GroupName from, GroupName to) {
        if (!has(from)) {
            return notFound(from);
        }
        Optional<Rejection> taken = from.equals(to) ? Optional.empty() : uniqueName.mayUse(to, names());
        if (taken.isPresent()) {
            return Outcome.rejected(taken.get());
        }
        return Outcome.done(to);
    }

    /** Deletes a group; its conversations stay, ungrouped from it. */
    public Outcome<GroupName> delete(GroupName name) {
        return has(name) ? Outcome.done(name) : notFound(name);
    }

    /** Adds conversations to a group; one already in it counts as success and changes nothing. */
    public Outcome<BatchResult> add(GroupName name, List<String> ids) {
        return target(name, ids).map(group -> admit(group, ids));
    }

    /** Removes conversations from a group; one not in it counts as success and changes nothing. */
    public Outcome<BatchResult> remove(GroupName name, List<String> ids) {
        return target(name, ids).map(group -> release(group, ids));
    }

    /** The group a batch change is aimed at, when it exists and the id list is of a size a call may carry. */
    private Outcome<GroupName> target(GroupName name, List<String> ids) {
        if (!has(name)) {
            return notFound(name);
        }
        Optional<Rejection> tooMany = idsPerCall.mayTake(ids, true);
        if (tooMany.isPresent()) {
            return Outcome.rejected(tooMany.get());
        }
        return Outcome.done(name);
    }

    private BatchResult release(GroupName group, List<String> ids) {
        List<String> succeeded = new ArrayList<>();
        List<Failure> failed = new ArrayList<>();
        Set<ConversationId> changed = new LinkedHashSet<>();
        int grouped = snapshot.groupedCount();
        for (String raw : distinct(ids)) {
            ConversationId id = ConversationId.tryParse(raw).orElse(null);
            Optional<Rejection> notTheirs = memberOnly.mayTouch(raw, id, snapshot.owned());
            if (notTheirs.isPresent()) {
                failed.add(new Failure(raw, notTheirs.get().problem(), notTheirs.get().message()));
                continue;
            }
            succeeded.add(raw);
            Set<GroupName> in = snapshot.groupsOf(id);
            if (in.contains(group)) {
                changed.add(id);
                grouped -= in.size() == 1 ? 1 : 0;
            }
        }
        return new BatchResult(group, succeeded, failed, List.copyOf(changed), grouped);
    }

    private BatchResult admit(GroupName target, List<String> ids) {
        List<String> succeeded = new ArrayList<>();
        List<Failure> failed = new ArrayList<>();
        Set<ConversationId> changed = new LinkedHashSet<>();
        int grouped = snapshot.groupedCount();
        for (String raw : distinct(ids)) {
            ConversationId id = ConversationId.tryParse(raw).orElse(null);
            Optional<Rejection> refused = memberOnly.mayTouch(raw, id, snapshot.owned());
            Set<GroupName> in = refused.isEmpty() ? snapshot.groupsOf(id) : Set.of();
            // Only a conversation in no group yet takes one of the grouped slots.
            boolean newlyGrouped = refused.isEmpty() && in.isEmpty();
            if (newlyGrouped) {
                refused = atMostGrouped.mayGroupAnother(grouped);
            }
            if (refused.isPresent()) {
                failed.add(new Failure(raw, refused.get().problem(), refused.get().message()));
                continue;
            }
            succeeded.add(raw);
            if (!in.contains(target)) {
                changed.add(id);
                grouped += newlyGrouped ? 1 : 0;
            }
        }
        return new BatchResult(target, succeeded, failed, List.copyOf(changed), grouped);
    }

    private static List<String> distinct(List<String> ids) {
        return List.copyOf(new LinkedHashSet<>(ids));
    }

    @SafeVarargs
    private static Optional<Rejection> firstRefusal(Optional<Rejection>... answers) {
        for (Optional<Rejection> answer : answers) {
            if (answer.isPresent()) {
                return answer;
            }
        }
        return Optional.empty();
    }

    private static <T> Outcome<T> notFound(GroupName name) {
        return Outcome.rejected(Problem.GROUP_NOT_FOUND, "no conversation group named '" + name + "'");
    }
}
