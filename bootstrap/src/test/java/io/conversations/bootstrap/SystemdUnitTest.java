package io.conversations.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** ops/systemd/conversations.service is a unit systemd accepts, and it runs the jar with the settings it says. */
class SystemdUnitTest {
    private static final Path UNIT = Path.of("..", "ops", "systemd", "conversations.service").toAbsolutePath()
            .normalize();

    @Test
    void theUnitVerifies() throws Exception {
        Process verify;
        try {
            verify = new ProcessBuilder("systemd-analyze", "verify", UNIT.toString()).redirectErrorStream(true).start();
        } catch (IOException missing) {
            Missing.skipOrFail("systemd-analyze is not installed (Debian: systemd)");
            return;
        }
        String output = new String(verify.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(verify.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, verify.exitValue(), output);
        // Warnings about the unit itself come on exit 0 too (an unknown key, a bad value).
        assertTrue(output.lines().noneMatch(l -> l.contains("conversations.service")), output);
        String unit = Files.readString(UNIT);
        for (String line : new String[] {"ExecStart=/bin/sh /opt/conversations/conversations",
            "Environment=CONVERSATIONS_JAR=/opt/conversations/conversations.jar", "JAVA_OPTS=-Xmx512m",
            "KillSignal=SIGTERM", "RestartPreventExitStatus=2", "Environment=CONVERSATIONS_DATA_DIR=/var/lib/conversations"}) {
            assertTrue(unit.contains(line), line);
        }
        for (String setting : unit.lines().filter(l -> l.startsWith("Environment=CONVERSATIONS_"))
                .map(l -> l.substring("Environment=".length(), l.indexOf('=', "Environment=".length())))
                .filter(name -> !name.equals("CONVERSATIONS_JAR")) // the launcher's, not the service's
                .toList()) {
            assertTrue(Config.NAMES.contains(setting), setting + " is a setting of the service");
        }
    }
}
