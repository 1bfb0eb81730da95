package io.conversations.adapter.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.conversations.application.contract.Samples;
import io.conversations.domain.event.ConversationEvent;
import org.junit.jupiter.api.Test;

/** Every kind of event has a stored form that reads back as the same event. */
class EventCodecTest {
    @Test
    void everyKindOfEventIsStoredAndReadBackUnchanged() {
        for (ConversationEvent event : Samples.events().values()) {
            assertEquals(event, EventCodec.decode(event.type(), EventCodec.encode(event)), event.type());
        }
    }
}
