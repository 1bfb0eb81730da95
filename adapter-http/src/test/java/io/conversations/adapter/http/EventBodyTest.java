package io.conversations.adapter.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.conversations.adapter.http.dto.EventsBody.EventBody;
import io.conversations.application.contract.Samples;
import io.conversations.domain.event.ConversationEvent;
import io.conversations.domain.event.RecordedEvent;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

/** Every kind of event has a JSON form a client receives: its type as the event name, its data as JSON. */
class EventBodyTest {
    @Test
    void everyKindOfEventHasItsJsonForm() {
        JsonbMapper json = Exchange.SHARED.mapper();
        for (ConversationEvent event : Samples.events().values()) {
            EventBody body = EventBody.from(new RecordedEvent(3, event, 1_700_000_000_000L));
            JsonObject written = Json.createReader(new StringReader(json.write(body))).readObject();
            assertEquals(event.type(), written.getString("event"));
            assertEquals(3, written.getInt("id"));
            assertTrue(written.containsKey("data") && !written.isNull("data"), event.type() + " has data");
        }
    }
}
