package io.conversations.domain.group;

import io.conversations.domain.common.Outcome;
import io.conversations.domain.common.Problem;
import io.conversations.domain.common.Verdict;
import io.conversations.domain.conversation.ConversationId;
import io.conversations.domain.identity.UserRef;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One user's conversation groups, in creation order: the aggregate every group change goes
 * through. Its methods decide a change by the rules and say what changed; they do not store.
 */
public final class UserGroups {
    private final UserRef owner;
    private final List<ConversationGroup> groups;
    private final GroupRules.AtMostGroups atMostGroups;
    private final GroupRules.AtMostGroupedConversations atMostGrouped;
    private final GroupRules.IdsPerCall idsPerCall;
    private final GroupRules.UniqueName uniqueName = new GroupRules.UniqueName();
    private final GroupRules.MemberOnly memberOnly = new GroupRules.MemberOnly();

    public UserGroups(UserRef owner, List<ConversationGroup> groups, GroupLimits limits) {
        this.owner = Objects.requireNonNull(owner, "owner");
        this.groups = List.copyOf(groups);
        this.atMostGroups = new GroupRules.AtMostGroups(limits.maxGroups());
        this.atMostGrouped = new GroupRules.AtMostGroupedConversations(limits.maxGroupedConversations());
        this.idsPerCall = new GroupRules.IdsPerCall(limits.maxIdsPerCall());
    }

    public UserRef owner() {
        return owner;
    }

    public List<ConversationGroup> groups() {
        return groups;
    }

    public List<GroupName> names() {
        return groups.stream().map(ConversationGroup::name).toList();
    }

    public Optional<ConversationGroup> find(GroupName name) {
        return groups.stream().filter(g -> g.name().equals(name)).findFirst();
    }

    /** Creates a group, optionally filled with conversations (the list may be empty here). */
    public Outcome<BatchResult> create(GroupName name, List<String> ids, Set<ConversationId> usersConversations) {
        Verdict verdict = firstRefusal(
                uniqueName.mayUse(name, names()),
                atMostGroups.mayAddOneTo(groups.size()),
                idsPerCall.mayTake(ids, false));
        if (verdict instanceof Verdict.Refused refused) {
            return Outcome.rejected(refused.rejection());
        }
        return Outcome.done(admit(new ConversationGroup(name, List.of()), ids, usersConversations));
    }

    /** Renames a group; renaming onto its own name changes nothing. */
    public Outcome<ConversationGroup> rename(GroupName from, GroupName to) {
        Optional<ConversationGroup> group = find(from);
        if (group.isEmpty()) {
            return notFound(from);
        }
        if (!from.equals(to) && uniqueName.mayUse(to, names()) instanceof Verdict.Refused refused) {
            return Outcome.rejected(refused.rejection());
        }
        return Outcome.done(group.get());
    }

    /** Deletes a group; its conversations stay, ungrouped from it. */
    public Outcome<ConversationGroup> delete(GroupName name) {
        return find(name).<Outcome<ConversationGroup>>map(Outcome::done).orElseGet(() -> notFound(name));
    }

    /** Adds conversations to a group; one already in it counts as success and changes nothing. */
    public Outcome<BatchResult> add(GroupName name, List<String> ids, Set<ConversationId> usersConversations) {
        return target(name, ids).map(group -> admit(group, ids, usersConversations));
    }

    /** Removes conversations from a group; one not in it counts as success and changes nothing. */
    public Outcome<BatchResult> remove(GroupName name, List<String> ids, Set<ConversationId> usersConversations) {
        return target(name, ids).map(group -> release(group, ids, usersConversations));
    }

    /** The group a batch change is aimed at, when it exists and the id list is of a size a call may carry. */
    private Outcome<ConversationGroup> target(GroupName name, List<String> ids) {
        Optional<ConversationGroup> group = find(name);
        if (group.isEmpty()) {
            return notFound(name);
        }
        if (idsPerCall.mayTake(ids, true) instanceof Verdict.Refused refused) {
            return Outcome.rejected(refused.rejection());
        }
        return Outcome.done(group.get());
    }

    private BatchResult release(ConversationGroup group, List<String> ids, Set<ConversationId> usersConversations) {
        List<String> succeeded = new ArrayList<>();
        List<Failure> failed = new ArrayList<>();
        Set<ConversationId> changed = new LinkedHashSet<>();
        for (String raw : distinct(ids)) {
            ConversationId id = ConversationId.tryParse(raw).orElse(null);
            if (memberOnly.mayGroup(raw, id, usersConversations) instanceof Verdict.Refused refused) {
                failed.add(new Failure(raw, refused.rejection().problem(), refused.rejection().message()));
                continue;
            }
            succeeded.add(raw);
            if (group.contains(id)) {
                changed.add(id);
            }
        }
        return new BatchResult(group.name(), succeeded, failed, List.copyOf(changed));
    }

    private BatchResult admit(ConversationGroup target, List<String> ids, Set<ConversationId> usersConversations) {
        Set<ConversationId> grouped = new HashSet<>();
        groups.forEach(g -> grouped.addAll(g.conversations()));
        List<String> succeeded = new ArrayList<>();
        List<Failure> failed = new ArrayList<>();
        Set<ConversationId> changed = new LinkedHashSet<>();
        for (String raw : distinct(ids)) {
            ConversationId id = ConversationId.tryParse(raw).orElse(null);
            Verdict verdict = memberOnly.mayGroup(raw, id, usersConversations);
            if (verdict.allowed() && !target.contains(id) && !grouped.contains(id)) {
                verdict = atMostGrouped.mayGroupAnother(grouped.size());
            }
            if (verdict instanceof Verdict.Refused refused) {
                failed.add(new Failure(raw, refused.rejection().problem(), refused.rejection().message()));
                continue;
            }
            succeeded.add(raw);
            if (!target.contains(id)) {
                changed.add(id);
                grouped.add(id);
            }
        }
        return new BatchResult(target.name(), succeeded, failed, List.copyOf(changed));
    }

    private static List<String> distinct(List<String> ids) {
        return List.copyOf(new LinkedHashSet<>(ids));
    }

    private static Verdict firstRefusal(Verdict... verdicts) {
        for (Verdict v : verdicts) {
            if (!v.allowed()) {
                return v;
            }
        }
        return Verdict.ALLOWED;
    }

    private static <T> Outcome<T> notFound(GroupName name) {
        return Outcome.rejected(Problem.GROUP_NOT_FOUND, "no conversation group named '" + name + "'");
    }
}
