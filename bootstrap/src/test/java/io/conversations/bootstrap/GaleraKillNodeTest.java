package io.conversations.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * galera/kill_a_node.py, run from the build: three Galera nodes, three service nodes on them (Main on this test's
 * class path), a load of group changes and messages, the Galera node under the writes killed and started again,
 * later cut off from the others for a while;
 * the script asserts what must hold (see its header) and exits 1 when something does not. It installs galera-4,
 * mariadb-backup and socat from Debian's packages when they are missing; when that fails (exit 3) the test is
 * skipped with the reason, and under {@code CI=true} it fails.
 */
class GaleraKillNodeTest {
    private static final Path SCRIPT = Path.of("..", "galera", "kill_a_node.py").toAbsolutePath().normalize();
    private static final Path PYTHON = Path.of("/usr/bin/python3");

    @TempDir
    Path dir;

    @Test
    void aKilledGaleraNodeLosesNoAcknowledgedWriteAndTheServiceWritesAgainWithoutARestart() throws Exception {
        if (!Files.isExecutable(PYTHON)) {
            Missing.skipOrFail(PYTHON + " is missing: the kill-a-node test is a Python script");
        }
        Path log = dir.resolve("kill_a_node.log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(List.of(PYTHON.toString(), SCRIPT.toString(), "--java", java,
                "--classpath", System.getProperty("java.class.path"), "--dir", dir.resolve("run").toString()))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(12, TimeUnit.MINUTES)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            fail("the kill-a-node script did not finish within 12 minutes:\n" + Files.readString(log));
        }
        String output = Files.readString(log);
        System.out.println(output);
        if (process.exitValue() == 3) {
            Missing.skipOrFail("the Galera packages are missing and could not be installed:\n" + output);
        }
        assertEquals(0, process.exitValue(), "the kill-a-node script found something wrong:\n" + output);
    }
}
