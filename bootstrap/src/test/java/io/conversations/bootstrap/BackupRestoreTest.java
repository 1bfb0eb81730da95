package io.conversations.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.conversations.adapter.persistence.testing.MariaDbTestDatabase;
import jakarta.json.JsonObject;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/operating.md's backup and restore, as written there: the embedded store's data dir copied while the node
 * is stopped, and MariaDB dumped with mariadb-dump while the node runs; each restored into a fresh data dir or
 * database, where a new node finds every conversation, group, message and event, and the same token works.
 */
class BackupRestoreTest {
    @TempDir
    Path work;

    @Test
    void theEmbeddedStoresDataDirCopiedWhileStoppedIsAWholeBackup() throws Exception {
        Path data = work.resolve("data");
        String token;
        Snapshot before;
        try (ServiceProcess node = ServiceProcess.start(data, work.resolve("first.log"))) {
            Api api = node.awaitUp();
            token = write(api);
            before = Snapshot.of(api, token);
            assertEquals(0, node.terminate());
        }
        Path restored = work.resolve("restored");
        copyTree(data, restored); // what `tar -C data -czf ...` and its unpacking do
        try (ServiceProcess node = ServiceProcess.start(restored, work.resolve("restored.log"))) {
            Api api = node.awaitUp();
            assertEquals(before, Snapshot.of(api, token));
        }
    }

    @Test
    void mariaDbDumpedWhileTheNodeRunsRestoresIntoAFreshDatabase() throws Exception {
        Path dump = work.resolve("conversations.sql");
        String token;
        Snapshot before;
        try (MariaDbTestDatabase source = MariaDbTestDatabase.create();
             MariaDbTestDatabase target = MariaDbTestDatabase.create()) {
            try (ServiceProcess node = ServiceProcess.start(work.resolve("a"), work.resolve("a.log"), flags(source))) {
                Api api = node.awaitUp();
                token = write(api);
                before = Snapshot.of(api, token);
                // Online: the node is running (and its event tail reading) while the dump is taken.
                run(dump, null, "mariadb-dump", "--single-transaction", "--routines", source.name());
            }
            run(null, dump, "mariadb", target.name());
            try (ServiceProcess node = ServiceProcess.start(work.resolve("b"), work.resolve("b.log"), flags(target))) {
                Api api = node.awaitUp();
                assertEquals(before, Snapshot.of(api, token));
            }
        }
    }

    /** A corp with chats, groups, a pin, a draft and messages; alice's token. */
    private static String write(Api api) {
        api.corp("bk", "alice", "bob", "carol");
        api.groupChat("bk", "sales", "alice", "bob", "carol");
        api.groupChat("bk", "ops", "bob", "alice");
        api.admin("POST", "/v1/admin/corps/bk/chats", "{\"type\":\"C2C\",\"memberIds\":[\"alice\",\"carol\"]}").is(201);
        String alice = api.token("bk", "alice");
        String bob = api.token("bk", "bob");
        api.call("POST", "/v1/conversation-groups", alice,
                "{\"groupName\":\"需求研发\",\"conversationIDList\":[\"GROUPsales\",\"C2Ccarol\"]}").is(201);
        api.call("POST", "/v1/conversation-groups", alice, "{\"groupName\":\"Ops\"}").is(201);
        api.call("PUT", "/v1/conversations/GROUPops/pin", alice, "{\"isPinned\":true}").is(200);
        api.call("PUT", "/v1/conversations/GROUPsales/draft", alice, "{\"draftText\":\"half a thought\"}").is(200);
        for (int i = 0; i < 5; i++) {
            api.call("POST", "/v1/chats/sales/messages", bob, "{\"type\":\"text\",\"text\":\"m" + i + "\"}").is(201);
        }
        return alice;
    }

    /** What a user can read: the list, the groups, the events from the start, a chat's messages. */
    private record Snapshot(String list, String groups, String events, String messages) {
        static Snapshot of(Api api, String token) {
            JsonObject events = api.call("GET", "/v1/events?after=0", token, null).is(200).json();
            assertTrue(events.getJsonArray("events").size() >= 8, events.toString());
            return new Snapshot(api.call("GET", "/v1/conversations?count=100", token, null).is(200).text(),
                    api.call("GET", "/v1/conversation-groups", token, null).is(200).text(), events.toString(),
                    api.call("GET", "/v1/chats/sales/messages?count=100", token, null).is(200).text());
        }
    }

    private static String[] flags(MariaDbTestDatabase database) {
        return new String[] {"--conversations-db-url=" + database.url(),
            "--conversations-db-user=" + MariaDbTestDatabase.user(),
            "--conversations-db-password=" + MariaDbTestDatabase.password()};
    }

    /** Runs a MariaDB client against the test server, its output to {@code out} or its input from {@code in}. */
    private static void run(Path out, Path in, String client, String... args) throws Exception {
        String[] hostPort = MariaDbTestDatabase.serverAddress().split(":");
        List<String> command = new ArrayList<>(List.of(client, "--protocol=TCP", "-h", hostPort[0], "-P", hostPort[1],
                "-u", MariaDbTestDatabase.user()));
        if (!MariaDbTestDatabase.password().isEmpty()) {
            command.add("--password=" + MariaDbTestDatabase.password());
        }
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
        if (out != null) {
            builder.redirectOutput(out.toFile());
        }
        if (in != null) {
            builder.redirectInput(in.toFile());
        }
        Process process;
        try {
            process = builder.start();
        } catch (IOException missing) {
            Missing.skipOrFail(client + " is not installed (Debian: mariadb-client)");
            return;
        }
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), client + " did not finish");
        assertEquals(0, process.exitValue(), client + " failed");
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString().replace(File.separatorChar, '/'));
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }
}
