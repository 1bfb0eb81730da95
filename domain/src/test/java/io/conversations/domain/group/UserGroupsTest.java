package io.conversations.domain.group;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.conversations.domain.common.Outcome;
import io.conversations.domain.common.Problem;
import io.conversations.domain.conversation.ConversationId;
import io.conversations.domain.conversation.Failure;
import io.conversations.domain.identity.GroupName;
import io.conversations.domain.identity.UserRef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class UserGroupsTest {
    private static final UserRef ALICE = UserRef.of("acme", "alice");
    private static final Set<ConversationId> MINE = Set.of(ConversationId.parse("GROUPa"), ConversationId.parse("GROUPb"),
            ConversationId.parse("C2Cbob"));

    /** A group as the tests write it: a name and the conversations in it. */
    private record Group(GroupName name, List<ConversationId> ids) {}

    /** The aggregate over these groups, with the snapshot a store would load for a change naming any of MINE. */
    private static UserGroups with(GroupLimits limits, Group... groups) {
        return with(limits, List.of(groups));
    }

    private static UserGroups with(GroupLimits limits, List<Group> groups) {
        Map<ConversationId, Set<GroupName>> groupsOf = new HashMap<>();
        for (Group g : groups) {
            g.ids().forEach(id -> groupsOf.computeIfAbsent(id, k -> new HashSet<>()).add(g.name()));
        }
        return new UserGroups(ALICE, new GroupsSnapshot(groups.stream().map(Group::name).toList(), groupsOf.size(),
                MINE, groupsOf), limits);
    }

    private static Group group(String name, String... ids) {
        return new Group(new GroupName(name), java.util.Arrays.stream(ids).map(ConversationId::parse).toList());
    }

    private static <T> T done(Outcome<T> outcome) {
        return ((Outcome.Done<T>) assertInstanceOf(Outcome.Done.class, outcome)).value();
    }

    private static Problem rejected(Outcome<?> outcome) {
        return assertInstanceOf(Outcome.Rejected.class, outcome).rejection().problem();
    }

    @Test
    void rejectsTheTwentyFirstGroup() {
        List<Group> twenty = IntStream.range(0, 20).mapToObj(i -> group("g" + i)).toList();
        UserGroups groups = with(GroupLimits.DEFAULTS, twenty);
        assertEquals(Problem.GROUP_LIMIT, rejected(groups.create(new GroupName("one more"), List.of())));
        UserGroups nineteen = with(GroupLimits.DEFAULTS, twenty.subList(0, 19));
        done(nineteen.create(new GroupName("twentieth"), List.of()));
    }

    @Test
    void anOperatorMayRaiseTheGroupLimit() {
        List<Group> twenty = IntStream.range(0, 20).mapToObj(i -> group("g" + i)).toList();
        done(with(new GroupLimits(30, 1000, 100), twenty).create(new GroupName("x"), List.of()));
    }

    @Test
    void rejectsADuplicateNameButNotOneThatDiffersInCase() {
        UserGroups groups = with(GroupLimits.DEFAULTS, group("Suppliers"));
        assertEquals(Problem.ALREADY_EXISTS, rejected(groups.create(new GroupName("Suppliers"), List.of())));
        done(groups.create(new GroupName("suppliers"), List.of()));
    }

    @Test
    void createAnswersPerIdAndOnlyGroupsTheUsersOwnConversations() {
        BatchResult result = done(with(GroupLimits.DEFAULTS).create(new GroupName("S"),
                List.of("GROUPa", "C2Cstranger", "junk", "GROUPa", "C2Cbob")));
        assertEquals(List.of("GROUPa", "C2Cbob"), result.succeeded());
        assertEquals(List.of("C2Cstranger", "junk"), result.failed().stream().map(Failure::conversationId).toList());
        assertTrue(result.failed().stream().allMatch(f -> f.problem() == Problem.NOT_FOUND));
        assertEquals(List.of(ConversationId.parse("GROUPa"), ConversationId.parse("C2Cbob")), result.changed());
    }

    @Test
    void countsEachGroupedConversationOnceAcrossGroups() {
        GroupLimits two = new GroupLimits(20, 2, 100);
        UserGroups groups = with(two, group("A", "GROUPa", "GROUPb"));
        BatchResult again = done(groups.create(new GroupName("B"), List.of("GROUPa", "GROUPb")));
        assertEquals(List.of("GROUPa", "GROUPb"), again.succeeded(), "already grouped elsewhere: no new slot taken");
        BatchResult third = done(groups.add(new GroupName("A"), List.of("C2Cbob")));
        assertEquals(List.of(), third.succeeded());
        assertEquals(Problem.GROUPED_CONVERSATION_LIMIT, third.failed().get(0).problem());
    }

    @Test
    void theGroupedLimitCutsABatchMidway() {
        UserGroups groups = with(new GroupLimits(20, 2, 100), group("A", "GROUPa"));
        BatchResult result = done(groups.add(new GroupName("A"), List.of("GROUPb", "C2Cbob")));
        assertEquals(List.of("GROUPb"), result.succeeded());
        assertEquals(List.of("C2Cbob"), result.failed().stream().map(Failure::conversationId).toList());
    }

    @Test
    void addingOneAlreadyInTheGroupSucceedsAndChangesNothing() {
        BatchResult result = done(with(GroupLimits.DEFAULTS, group("A", "GROUPa")).add(new GroupName("A"),
                List.of("GROUPa")));
        assertEquals(List.of("GROUPa"), result.succeeded());
        assertEquals(List.of(), result.changed());
    }

    @Test
    void removingOneNotInTheGroupSucceedsAndChangesNothing() {
        BatchResult result = done(with(GroupLimits.DEFAULTS, group("A", "GROUPa")).remove(new GroupName("A"),
                List.of("GROUPa", "GROUPb", "GROUPzzz")));
        assertEquals(List.of("GROUPa", "GROUPb"), result.succeeded());
        assertEquals(List.of(ConversationId.parse("GROUPa")), result.changed());
        assertEquals(List.of("GROUPzzz"), result.failed().stream().map(Failure::conversationId).toList());
    }

    @Test
    void anIdListIsRequiredToAddOrRemoveAndHoldsAtMostOneHundred() {
        UserGroups groups = with(GroupLimits.DEFAULTS, group("A"));
        List<String> many = new ArrayList<>();
        IntStream.range(0, 101).forEach(i -> many.add("GROUPc" + i));
        assertEquals(Problem.ID_LIST_EMPTY_OR_TOO_LONG, rejected(groups.add(new GroupName("A"), List.of())));
        assertEquals(Problem.ID_LIST_EMPTY_OR_TOO_LONG, rejected(groups.remove(new GroupName("A"), List.of())));
        assertEquals(Problem.ID_LIST_EMPTY_OR_TOO_LONG, rejected(groups.add(new GroupName("A"), many)));
        assertEquals(Problem.ID_LIST_EMPTY_OR_TOO_LONG, rejected(groups.create(new GroupName("B"), many)));
        done(groups.create(new GroupName("B"), List.of()));
    }

    @Test
    void renamingOrDeletingAMissingGroupIsNotFound() {
        UserGroups groups = with(GroupLimits.DEFAULTS, group("A"), group("B"));
        assertEquals(Problem.GROUP_NOT_FOUND, rejected(groups.rename(new GroupName("Z"), new GroupName("Y"))));
        assertEquals(Problem.GROUP_NOT_FOUND, rejected(groups.delete(new GroupName("Z"))));
        assertEquals(Problem.GROUP_NOT_FOUND, rejected(groups.add(new GroupName("Z"), List.of("GROUPa"))));
        assertEquals(Problem.ALREADY_EXISTS, rejected(groups.rename(new GroupName("A"), new GroupName("B"))));
        done(groups.rename(new GroupName("A"), new GroupName("A")));
        assertEquals(new HashSet<>(List.of(new GroupName("A"), new GroupName("B"))), new HashSet<>(groups.names()));
    }

    @Test
    void theGroupedCountGrowsOnlyForAConversationInNoGroupAndShrinksOnlyWhenItLeavesItsLastGroup() {
        UserGroups groups = with(GroupLimits.DEFAULTS, group("A", "GROUPa", "GROUPb"), group("B", "GROUPa"));
        assertEquals(3, done(groups.add(new GroupName("B"), List.of("GROUPb", "C2Cbob"))).groupedCount(),
                "GROUPb was grouped already; C2Cbob takes a new slot");
        assertEquals(1, done(groups.remove(new GroupName("A"), List.of("GROUPa", "GROUPb"))).groupedCount(),
                "GROUPa stays in B; GROUPb leaves its only group");
        assertEquals(2, done(groups.remove(new GroupName("B"), List.of("GROUPb"))).groupedCount(),
                "not in B: nothing changes (each result starts from the same snapshot of 2)");
        assertEquals(3, done(groups.create(new GroupName("C"), List.of("C2Cbob", "GROUPa"))).groupedCount());
    }
}
