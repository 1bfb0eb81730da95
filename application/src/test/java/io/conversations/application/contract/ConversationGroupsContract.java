package io.conversations.application.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.conversations.application.model.GroupSummary;
import io.conversations.domain.chat.ChatId;
import io.conversations.domain.conversation.ConversationId;
import io.conversations.domain.group.GroupsSnapshot;
import io.conversations.domain.identity.GroupName;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What every implementation of the {@code ConversationGroups} out-port must do, whichever store is behind it. */
public abstract class ConversationGroupsContract extends StoreFixture {
    @Test
    void groupsKeepCreationOrderAndNamesCompareExactlyAndASnapshotHoldsOnlyWhatAChangeNames() {
        ChatId x = groupChat("x", "X", 1, alice);
        ChatId y = groupChat("y", "Y", 2, alice);
        GroupName upper = new GroupName("Suppliers");
        GroupName lower = new GroupName("suppliers");
        GroupName spaced = new GroupName("Suppliers ");
        GroupName chinese = new GroupName("需求研发");
        tx(() -> {
            for (GroupName name : List.of(upper, lower, spaced, chinese)) {
                ports.groups().create(alice, name, 5);
            }
            ports.groups().add(alice, chinese, List.of(ConversationId.group(y)), 6);
            ports.groups().add(alice, chinese, List.of(ConversationId.group(x)), 7);
            ports.groups().add(alice, upper, List.of(ConversationId.group(x)), 7);
            return null;
        });
        ConversationId other = ConversationId.c2c(bob.user());
        GroupsSnapshot loaded = tx(() -> ports.groups().loadForUpdate(alice, List.of(ConversationId.group(x), other)));
        assertEquals(List.of(upper, lower, spaced, chinese), loaded.names());
        assertEquals(Set.of(ConversationId.group(x)), loaded.owned(), "not alice's: " + other);
        assertEquals(Map.of(ConversationId.group(x), Set.of(upper, chinese)), loaded.groupsOf(),
                "y is in a group too, but the change does not name it");
        GroupsSnapshot bare = tx(() -> ports.groups().loadForUpdate(alice, List.of()));
        assertEquals(new GroupsSnapshot(loaded.names(), 0, Set.of(), Map.of()), bare,
                "the count is what the use cases stored (none here), not counted again");
        assertTrue(tx(() -> ports.groups().exists(alice, spaced)));
        assertFalse(tx(() -> ports.groups().exists(bob, upper)), "groups are per user");
        assertEquals(List.of(upper, chinese), tx(() -> ports.conversations().find(alice, ConversationId.group(x)))
                .orElseThrow().groups());
    }

    @Test
    void renamesDeletesAndRemovesConversationsFromGroups() {
        ChatId x = groupChat("x", "X", 1, alice);
        ChatId y = groupChat("y", "Y", 2, alice);
        GroupName a = new GroupName("A");
        GroupName b = new GroupName("B");
        tx(() -> {
            ports.groups().create(alice, a, 3);
            ports.groups().create(alice, b, 3);
            ports.groups().add(alice, a, List.of(ConversationId.group(x), ConversationId.group(y)), 4);
            ports.groups().add(alice, b, List.of(ConversationId.group(x)), 4);
            ports.groups().rename(alice, a, new GroupName("A2"));
            ports.groups().remove(alice, new GroupName("A2"), List.of(ConversationId.group(y)));
            return null;
        });
        List<GroupSummary> summaries = tx(() -> ports.groups().summaries(alice));
        assertEquals(List.of(new GroupSummary(new GroupName("A2"), 1, 0), new GroupSummary(b, 1, 0)), summaries);
        tx(() -> {
            ports.groups().loadForUpdate(alice, List.of());
            ports.groups().storeGroupedCount(alice, 1);
            return null;
        });
        List<GroupName> left = tx(() -> {
            ports.groups().loadForUpdate(alice, List.of());
            return ports.groups().removeEverywhere(alice, ConversationId.group(x));
        });
        assertEquals(List.of(new GroupName("A2"), b), left);
        assertEquals(0, tx(() -> ports.groups().loadForUpdate(alice, List.of())).groupedCount(),
                "x left both groups: one grouped conversation fewer");
        tx(() -> {
            ports.groups().loadForUpdate(alice, List.of());
            ports.groups().add(alice, b, List.of(ConversationId.group(y)), 5);
            ports.groups().add(alice, new GroupName("A2"), List.of(ConversationId.group(y)), 5);
            ports.groups().storeGroupedCount(alice, 1);
            ports.groups().delete(alice, b);
            return null;
        });
        assertEquals(List.of(new GroupSummary(new GroupName("A2"), 1, 0)), tx(() -> ports.groups().summaries(alice)));
        assertEquals(1, tx(() -> ports.groups().loadForUpdate(alice, List.of())).groupedCount(),
                "y is still in A2 after B is gone");
        tx(() -> {
            ports.groups().loadForUpdate(alice, List.of());
            ports.groups().delete(alice, new GroupName("A2"));
            return null;
        });
        assertEquals(0, tx(() -> ports.groups().loadForUpdate(alice, List.of())).groupedCount());
    }
}
