package io.conversations.application.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.conversations.domain.conversation.ConversationChange;
import io.conversations.domain.event.ConversationEvent;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every kind of event and change has an example, which the adapters' tests run through their codecs and bodies. */
class SamplesTest {
    @Test
    void everyKindOfEventHasASample() {
        assertEquals(Set.of(), Samples.missing(ConversationEvent.class, Samples.events()),
                "add an example of each new event to Samples.events(): the codec and body tests then cover it");
    }

    @Test
    void everyKindOfChangeHasASample() {
        assertEquals(Set.of(), Samples.missing(ConversationChange.class, Samples.changes()),
                "add an example of each new change to Samples.changes(): the stores' tests then cover it");
    }
}
