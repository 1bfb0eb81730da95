package io.conversations.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded store keeps every acknowledged write when the process is killed without warning. */
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
}
