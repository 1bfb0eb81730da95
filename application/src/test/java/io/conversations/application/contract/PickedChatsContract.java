package io.conversations.application.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.conversations.application.port.out.PickedChats;
import io.conversations.domain.chat.ChatId;
import io.conversations.domain.identity.CorpId;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every implementation of the {@code PickedChats} out-port must do, whichever store is behind it. */
public abstract class PickedChatsContract extends StoreFixture {
    @Test
    void aPickIsFoundOnlyInItsCorpRemembersItsUseAndIsPrunedByAge() {
        ChatId chat = groupChat("pick", "Pick", 10, alice, bob);
        String cid = "cid" + UUID.randomUUID().toString().replace("-", "").substring(0, 22);
        tx(() -> {
            ports.picks().record(cid, alice, chat, 1_000);
            return null;
        });
        PickedChats.Pick pick = tx(() -> ports.picks().findForUpdate(corp, cid)).orElseThrow();
        assertEquals(new PickedChats.Pick(cid, alice, chat, 1_000, false), pick);
        assertTrue(tx(() -> ports.picks().findForUpdate(new CorpId("other"), cid)).isEmpty());
        assertTrue(tx(() -> ports.picks().findForUpdate(corp, cid + "x")).isEmpty());
        tx(() -> {
            ports.picks().markUsed(corp, cid, 2_000);
            return null;
        });
        assertTrue(tx(() -> ports.picks().findForUpdate(corp, cid)).orElseThrow().used());
        assertEquals(0, tx(() -> ports.picks().pruneBefore(1_000)));
        assertTrue(tx(() -> ports.picks().pruneBefore(1_001)) >= 1);
        assertTrue(tx(() -> ports.picks().findForUpdate(corp, cid)).isEmpty());
    }
}
