package io.conversations.domain.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.conversations.domain.common.Outcome;
import io.conversations.domain.common.Problem;
import io.conversations.domain.identity.CorpId;
import io.conversations.domain.identity.UserId;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ChatRulesTest {
    private final UserId ann = new UserId("ann");
    private final UserId bo = new UserId("bo");
    private final UserId cy = new UserId("cy");

    private static String refused(Outcome<?> outcome) {
        Outcome.Rejected<?> rejected = assertInstanceOf(Outcome.Rejected.class, outcome);
        assertEquals(Problem.MALFORMED, rejected.rejection().problem());
        return rejected.rejection().message();
    }

    @Test
    void aGroupChatHasItsOwnerFirstAndEachMemberOnce() {
        Outcome<List<UserId>> members = ChatRules.members(ChatType.GROUP, Optional.empty(), Optional.of(cy),
                List.of(ann, cy, bo, ann));
        assertEquals(List.of(cy, ann, bo), ((Outcome.Done<List<UserId>>) members).value());
    }

    @Test
    void aC2cChatIsExactlyTwoDistinctUsersWithNoIdOrOwner() {
        assertEquals(List.of(bo, ann), ((Outcome.Done<List<UserId>>) ChatRules.members(ChatType.C2C, Optional.empty(),
                Optional.empty(), List.of(bo, ann))).value());
        String why = refused(ChatRules.members(ChatType.C2C, Optional.empty(), Optional.empty(), List.of(ann, ann)));
        assertEquals("a C2C chat has exactly two distinct memberIds and no chatId or ownerId", why);
        refused(ChatRules.members(ChatType.C2C, Optional.empty(), Optional.empty(), List.of(ann, bo, cy)));
        refused(ChatRules.members(ChatType.C2C, Optional.of(new ChatId("x")), Optional.empty(), List.of(ann, bo)));
        refused(ChatRules.members(ChatType.C2C, Optional.empty(), Optional.of(ann), List.of(bo)));
    }

    @Test
    void aChatHasOneToAThousandMembersACall() {
        assertEquals("memberIds must name 1..1000 users",
                refused(ChatRules.members(ChatType.GROUP, Optional.empty(), Optional.empty(), List.of())));
        List<UserId> many = IntStream.range(0, ChatRules.MAX_MEMBERS_PER_CALL + 1).mapToObj(i -> new UserId("u" + i))
                .toList();
        refused(ChatRules.members(ChatType.GROUP, Optional.empty(), Optional.empty(), many));
        assertInstanceOf(Outcome.Done.class, ChatRules.members(ChatType.GROUP, Optional.empty(), Optional.empty(),
                many.subList(0, ChatRules.MAX_MEMBERS_PER_CALL)));
    }

    @Test
    void onlyAGroupChatsMembersChange() {
        CorpId corp = new CorpId("acme");
        Chat group = new Chat(corp, new ChatId("g"), ChatType.GROUP, "G", List.of(), Optional.empty(), 1);
        Chat c2c = new Chat(corp, new ChatId("c"), ChatType.C2C, "", List.of(), Optional.empty(), 2);
        assertInstanceOf(Outcome.Done.class, ChatRules.membershipMayChange(group));
        assertEquals("the members of a C2C chat are fixed", refused(ChatRules.membershipMayChange(c2c)));
    }
}
