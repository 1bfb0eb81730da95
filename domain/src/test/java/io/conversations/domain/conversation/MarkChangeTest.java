package io.conversations.domain.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.conversations.domain.common.InvalidInput;
import io.conversations.domain.common.Outcome;
import io.conversations.domain.common.Problem;
import io.conversations.domain.conversation.Failure;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class MarkChangeTest {
    private static final ConversationId SALES = ConversationId.parse("GROUPsales");
    private static final ConversationId BOB = ConversationId.parse("C2Cbob");

    private static MarkChange.Result done(Outcome<MarkChange.Result> outcome) {
        return ((Outcome.Done<MarkChange.Result>) outcome).value();
    }

    @Test
    void settingAMarkChangesOnlyTheConversationsThatLackedIt() {
        Map<ConversationId, Marks> current = Map.of(SALES, new Marks(List.of(1L)), BOB, Marks.NONE);
        MarkChange.Result result = done(new MarkChange(1, true).apply(List.of("GROUPsales", "C2Cbob", "C2Cbob"), current));
        assertEquals(List.of("GROUPsales", "C2Cbob"), result.succeeded(), "set already counts; duplicates once");
        assertEquals(Map.of(BOB, new Marks(List.of(1L))), result.changed());
    }

    @Test
    void clearingAMarkThatIsNotSetIsASuccessThatChangesNothing() {
        Map<ConversationId, Marks> current = Map.of(SALES, new Marks(List.of(2L, 4L)));
        MarkChange.Result result = done(new MarkChange(3, false).apply(List.of("GROUPsales"), current));
        assertEquals(List.of("GROUPsales"), result.succeeded());
        assertTrue(result.changed().isEmpty());
        assertEquals(Map.of(SALES, new Marks(List.of(2L))),
                done(new MarkChange(4, false).apply(List.of("GROUPsales"), current)).changed());
    }

    @Test
    void anIdTheUserHasNotFailsWith40401AndAFullConversationWith40903() {
        List<Long> full = LongStream.rangeClosed(1, Marks.MAX).boxed().toList();
        Map<ConversationId, Marks> current = Map.of(SALES, new Marks(full));
        MarkChange.Result result = done(new MarkChange(99, true).apply(List.of("GROUPsales", "C2Cbob", "junk"), current));
        assertEquals(List.of(), result.succeeded());
        assertEquals(List.of(Problem.MARK_LIMIT, Problem.NOT_FOUND, Problem.NOT_FOUND),
                result.failed().stream().map(Failure::problem).toList());
        assertEquals(List.of("GROUPsales"), done(new MarkChange(32, true).apply(List.of("GROUPsales"), current))
                .succeeded(), "a mark it has is set already, full or not");
    }

    @Test
    void aBatchNamesOneTo100Ids() {
        assertEquals(Problem.ID_LIST_EMPTY_OR_TOO_LONG, ((Outcome.Rejected<MarkChange.Result>)
                new MarkChange(1, true).apply(List.of(), Map.of())).rejection().problem());
        assertEquals(Problem.ID_LIST_EMPTY_OR_TOO_LONG, ((Outcome.Rejected<MarkChange.Result>)
                new MarkChange(1, true).apply(Collections.nCopies(101, "C2Cbob"), Map.of())).rejection().problem());
    }

    @Test
    void aMarkIsAPositiveIntegerAJavaScriptNumberHoldsExactly() {
        new MarkChange(Marks.MAX_VALUE, true);
        assertThrows(InvalidInput.class, () -> new MarkChange(0, true));
        assertThrows(InvalidInput.class, () -> new MarkChange(-1, true));
        assertThrows(InvalidInput.class, () -> new MarkChange(Marks.MAX_VALUE + 1, true));
    }

    @Test
    void remindTypesGoByTencentsNames() {
        assertEquals(RemindType.ACCEPT_NOT_NOTIFY, RemindType.parse("AcceptNotNotify"));
        assertEquals(Problem.MALFORMED, assertThrows(InvalidInput.class, () -> RemindType.parse("acceptnotnotify"))
                .rejection().problem());
    }
}
