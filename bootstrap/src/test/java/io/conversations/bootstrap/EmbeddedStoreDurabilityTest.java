package io.conversations.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded store keeps every acknowledged write when the process is killed without warning: one at a time,
 * and while eight writers send at once (their commits written to the file in groups).
 */
class EmbeddedStoreDurabilityTest {

    @Test
    void anAcknowledgedWriteSurvivesAKillDashNine(@TempDir Path dataDir) throws Exception {
        String alice;
        try (ServiceProcess first = ServiceProcess.start(dataDir, dataDir.resolve("first.log"))) {
            Api api = first.awaitUp();
            api.corp("acme", "alice");
            alice = api.token("acme", "alice");
            for (int i = 0; i < 5; i++) {
                api.call("POST", "/v1/conversation-groups", alice, "{\"groupName\":\"g" + i + "\"}").is(201);
            }
        } // SIGKILL
        try (ServiceProcess second = ServiceProcess.start(dataDir, dataDir.resolve("second.log"))) {
            Api api = second.awaitUp();
            List<String> names = api.call("GET", "/v1/conversation-groups", alice, null).is(200).json()
                    .getJsonArray("groupList").stream().map(v -> v.asJsonObject().getString("groupName")).toList();
            assertEquals(List.of("g0", "g1", "g2", "g3", "g4"), names);
        }
    }

    @Test
    void everyAcknowledgedMessageSurvivesAKillDashNineUnderConcurrentWrites(@TempDir Path dataDir) throws Exception {
        MessageSenders senders;
        String alice;
        try (ServiceProcess first = ServiceProcess.start(dataDir, dataDir.resolve("first.log"))) {
            Api api = first.awaitUp();
            api.corp("acme", "alice", "bob");
            api.groupChat("acme", "room", "alice", "bob");
            alice = api.token("acme", "alice");
            senders = new MessageSenders(api, "room", alice, 8);
            senders.awaitAcknowledged(199);
            first.kill(); // SIGKILL while the senders are sending: nothing of the process runs after it
            senders.stop();
        }
        Set<String> acknowledged = senders.acknowledged;
        assertTrue(acknowledged.size() >= 200, "the senders were busy: " + acknowledged.size());
        try (ServiceProcess second = ServiceProcess.start(dataDir, dataDir.resolve("second.log"))) {
            Api api = second.awaitUp();
            Set<String> stored = api.messageTexts("room", alice);
            Set<String> lost = new HashSet<>(acknowledged);
            lost.removeAll(stored);
            assertEquals(Set.of(), lost, "answered 201, gone after the kill (" + acknowledged.size() + " answered)");
        }
    }
}
