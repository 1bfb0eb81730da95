package io.conversations.domain.group;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.conversations.domain.common.Outcome;
import io.conversations.domain.common.Problem;
import io.conversations.domain.conversation.ConversationId;
import io.conversations.domain.identity.UserRef;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class UserGroupsTest {
    private static final UserRef ALICE = UserRef.of("acme", "alice");
    private static final Set<ConversationId> MINE = Set.of(ConversationId.parse("GROUPa"), ConversationId.parse("GROUPb"),
            ConversationId.parse("C2Cbob"));

    private static UserGroups with(GroupLimits limits, ConversationGroup... groups) {
        return new UserGroups(ALICE, List.of(groups), limits);
    }

    private static ConversationGroup group(String name, String... ids) {
        return new ConversationGroup(new GroupName(name), java.util.Arrays.stream(ids).map(ConversationId::parse).toList());
    }

    private static <T> T done(Outcome<T> outcome) {
        return ((Outcome.Done<T>) assertInstanceOf(Outcome.Done.class, outcome)).value();
    }

    private static Problem rejected(Outcome<?> outcome) {
        return assertInstanceOf(Outcome.Rejected.class, outcome).rejection().problem();
    }

    @Test
    void rejectsTheTwentyFirstGroup() {
        List<ConversationGroup> twenty = IntStream.range(0, 20).mapToObj(i -> group("g" + i)).toList();
        UserGroups groups = new UserGroups(ALICE, twenty, GroupLimits.DEFAULTS);
        assertEquals(Problem.GROUP_LIMIT, rejected(groups.create(new GroupName("one more"), List.of(), MINE)));
        UserGroups nineteen = new UserGroups(ALICE, twenty.subList(0, 19), GroupLimits.DEFAULTS);
        done(nineteen.create(new GroupName("twentieth"), List.of(), MINE));
    }

    @Test
    void anOperatorMayRaiseTheGroupLimit() {
        List<ConversationGroup> twenty = IntStream.range(0, 20).mapToObj(i -> group("g" + i)).toList();
        done(new UserGroups(ALICE, twenty, new GroupLimits(30, 1000, 100)).create(new GroupName("x"), List.of(), MINE));
    }

    @Test
    void rejectsADuplicateNameButNotOneThatDiffersInCase() {
        UserGroups groups = with(GroupLimits.DEFAULTS, group("Suppliers"));
        assertEquals(Problem.ALREADY_EXISTS, rejected(groups.create(new GroupName("Suppliers"), List.of(), MINE)));
        done(groups.create(new GroupName("suppliers"), List.of(), MINE));
    }

    @Test
    void createAnswersPerIdAndOnlyGroupsTheUsersOwnConversations() {
        BatchResult result = done(with(GroupLimits.DEFAULTS).create(new GroupName("S"),
                List.of("GROUPa", "C2Cstranger", "junk", "GROUPa", "C2Cbob"), MINE));
        assertEquals(List.of("GROUPa", "C2Cbob"), result.succeeded());
        assertEquals(List.of("C2Cstranger", "junk"), result.failed().stream().map(Failure::conversationId).toList());
        assertTrue(result.failed().stream().allMatch(f -> f.problem() == Problem.NOT_FOUND));
        assertEquals(List.of(ConversationId.parse("GROUPa"), ConversationId.parse("C2Cbob")), result.changed());
    }

    @Test
    void countsEachGroupedConversationOnceAcrossGroups() {
        GroupLimits two = new GroupLimits(20, 2, 100);
        UserGroups groups = with(two, group("A", "GROUPa", "GROUPb"));
        BatchResult again = done(groups.create(new GroupName("B"), List.of("GROUPa", "GROUPb"), MINE));
        assertEquals(List.of("GROUPa", "GROUPb"), again.succeeded(), "already grouped elsewhere: no new slot taken");
        BatchResult third = done(groups.add(new GroupName("A"), List.of("C2Cbob"), MINE));
        assertEquals(List.of(), third.succeeded());
        assertEquals(Problem.GROUPED_CONVERSATION_LIMIT, third.failed().get(0).problem());
    }

    @Test
    void theGroupedLimitCutsABatchMidway() {
        UserGroups groups = with(new GroupLimits(20, 2, 100), group("A", "GROUPa"));
        BatchResult result = done(groups.add(new GroupName("A"), List.of("GROUPb", "C2Cbob"), MINE));
        assertEquals(List.of("GROUPb"), result.succeeded());
        assertEquals(List.of("C2Cbob"), result.failed().stream().map(Failure::conversationId).toList());
    }

    @Test
    void addingOneAlreadyInTheGroupSucceedsAndChangesNothing() {
        BatchResult result = done(with(GroupLimits.DEFAULTS, group("A", "GROUPa")).add(new GroupName("A"),
                List.of("GROUPa"), MINE));
        assertEquals(List.of("GROUPa"), result.succeeded());
        assertEquals(List.of(), result.changed());
    }

    @Test
    void removingOneNotInTheGroupSucceedsAndChangesNothing() {
        BatchResult result = done(with(GroupLimits.DEFAULTS, group("A", "GROUPa")).remove(new GroupName("A"),
                List.of("GROUPa", "GROUPb", "GROUPzzz"), MINE));
        assertEquals(List.of("GROUPa", "GROUPb"), result.succeeded());
        assertEquals(List.of(ConversationId.parse("GROUPa")), result.changed());
        assertEquals(List.of("GROUPzzz"), result.failed().stream().map(Failure::conversationId).toList());
    }

    @Test
    void anIdListIsRequiredToAddOrRemoveAndHoldsAtMostOneHundred() {
        UserGroups groups = with(GroupLimits.DEFAULTS, group("A"));
        List<String> many = new ArrayList<>();
        IntStream.range(0, 101).forEach(i -> many.add("GROUPc" + i));
        assertEquals(Problem.ID_LIST_EMPTY_OR_TOO_LONG, rejected(groups.add(new GroupName("A"), List.of(), MINE)));
        assertEquals(Problem.ID_LIST_EMPTY_OR_TOO_LONG, rejected(groups.remove(new GroupName("A"), List.of(), MINE)));
        assertEquals(Problem.ID_LIST_EMPTY_OR_TOO_LONG, rejected(groups.add(new GroupName("A"), many, MINE)));
        assertEquals(Problem.ID_LIST_EMPTY_OR_TOO_LONG, rejected(groups.create(new GroupName("B"), many, MINE)));
        done(groups.create(new GroupName("B"), List.of(), MINE));
    }

    @Test
    void renamingOrDeletingAMissingGroupIsNotFound() {
        UserGroups groups = with(GroupLimits.DEFAULTS, group("A"), group("B"));
        assertEquals(Problem.GROUP_NOT_FOUND, rejected(groups.rename(new GroupName("Z"), new GroupName("Y"))));
        assertEquals(Problem.GROUP_NOT_FOUND, rejected(groups.delete(new GroupName("Z"))));
        assertEquals(Problem.GROUP_NOT_FOUND, rejected(groups.add(new GroupName("Z"), List.of("GROUPa"), MINE)));
        assertEquals(Problem.ALREADY_EXISTS, rejected(groups.rename(new GroupName("A"), new GroupName("B"))));
        done(groups.rename(new GroupName("A"), new GroupName("A")));
        assertEquals(new HashSet<>(List.of(new GroupName("A"), new GroupName("B"))), new HashSet<>(groups.names()));
    }
}
