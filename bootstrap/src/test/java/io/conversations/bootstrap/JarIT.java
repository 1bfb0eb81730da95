package io.conversations.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runnable jar as a user runs it (after `package`, by Failsafe): what the start leaves out and what the
 * launcher adds, checked in the JVM's own class-loading log rather than in timings.
 */
class JarIT {
    private static final Path JAR = Path.of("target", "conversations.jar").toAbsolutePath();
    private static final Path LAUNCHER = Path.of("..", "ops", "conversations").toAbsolutePath().normalize();
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    @Test
    void theJarStartsWithoutFlywayOnAFreshAndOnAnExistingStoreAndServesTheWebFilesFromACopyItRemoves(
            @TempDir Path data, @TempDir Path tmp, @TempDir Path logs) throws Exception {
        byte[] sdk = Files.readAllBytes(Path.of("..", "web", "dist", "conversations.js"));
        for (String start : new String[] {"fresh", "existing"}) {
            Path classes = logs.resolve(start + "-classes.log");
            int port = ServiceProcess.freePort();
            Process node = new ProcessBuilder(JAVA, "-Xmx256m", "-Djava.io.tmpdir=" + tmp,
                    "-Xlog:class+load=info:file=" + classes, "-jar", JAR.toString(), "--conversations-port=" + port,
                    "--conversations-data-dir=" + data, "--conversations-admin-key=" + Api.ADMIN_KEY,
                    "--conversations-token-secret=" + Api.TOKEN_SECRET)
                    .redirectErrorStream(true).redirectOutput(logs.resolve(start + ".log").toFile()).start();
            try {
                Api api = ServiceProcess.awaitUp(node, port);
                api.admin("PUT", "/v1/admin/corps/jar-" + start, "{\"name\":\"J\"}").is(200); // the store writes
                Api.Reply js = api.call("GET", "/sdk/conversations.js", null, null);
                assertEquals(200, js.status());
                assertEquals(new String(sdk, StandardCharsets.UTF_8), js.text(), "the SDK the jar serves");
                assertEquals(1, copies(tmp).size(), "one copy of the web files while it runs");
            } finally {
                node.destroy();
                assertTrue(node.waitFor(30, TimeUnit.SECONDS));
            }
            assertEquals(0, node.exitValue(), Files.readString(logs.resolve(start + ".log")));
            assertEquals(List.of(), copies(tmp), "the copy of the web files is removed at the stop");
            String loaded = Files.readString(classes);
            assertTrue(loaded.contains("io.conversations.adapter.persistence.EmbeddedSchema"), "no class log?");
            assertFalse(loaded.contains("org.flywaydb"), start + " start loaded Flyway: the build's schema was not used");
            assertFalse(loaded.contains("jdk.nio.zipfs.ZipFileSystem "), start + " start mounted the jar");
        }
    }

    @Test
    void theLauncherArchivesTheClassesAtTheFirstStopAndStartsFromTheArchiveAfter(@TempDir Path data,
                                                                                 @TempDir Path logs) throws Exception {
        assertEquals(0, run(data, logs.resolve("first.log"), "-Xmx256m"), Files.readString(logs.resolve("first.log")));
        List<Path> archives;
        try (Stream<Path> files = Files.list(data.resolve("cds"))) {
            archives = files.toList();
        }
        assertEquals(1, archives.size(), "one archive after the first stop: " + archives);
        assertTrue(archives.get(0).getFileName().toString().endsWith(".jsa"));

        Path classes = logs.resolve("second-classes.log");
        assertEquals(0, run(data, logs.resolve("second.log"), "-Xmx256m -Xlog:class+load=info:file=" + classes),
                Files.readString(logs.resolve("second.log")));
        String main = Files.readAllLines(classes).stream()
                .filter(l -> l.contains(" io.conversations.bootstrap.Main ")).findFirst().orElseThrow();
        assertTrue(main.contains("shared objects file"), "the second start read its classes from the jar: " + main);
    }

    /** Starts the launcher, waits for an answer, stops it with SIGTERM; its exit code. */
    private static int run(Path data, Path log, String javaOptions) throws Exception {
        int port = ServiceProcess.freePort();
        ProcessBuilder builder = new ProcessBuilder(LAUNCHER.toString(), "--conversations-port=" + port,
                "--conversations-admin-key=" + Api.ADMIN_KEY, "--conversations-token-secret=" + Api.TOKEN_SECRET)
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("JAVA_OPTS", javaOptions);
        env.put("CONVERSATIONS_JAR", JAR.toString());
        env.put("CONVERSATIONS_DATA_DIR", data.toString());
        Process node = builder.start();
        try {
            ServiceProcess.awaitUp(node, port);
        } finally {
            node.destroy(); // the JVM itself: the script execs it
            assertTrue(node.waitFor(60, TimeUnit.SECONDS));
        }
        return node.exitValue();
    }

    private static List<Path> copies(Path tmp) throws IOException {
        try (Stream<Path> files = Files.list(tmp)) {
            return files.filter(p -> p.getFileName().toString().startsWith("conversations-web-")).toList();
        }
    }
}
