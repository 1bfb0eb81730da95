package io.conversations.bootstrap;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A MariaDB server of a test's own (Debian's mariadbd, its own data folder and port), which the test may kill
 * and start again, as an outage does to the shared one.
 */
final class OwnMariaDb implements AutoCloseable {
    static final Path SERVER = Path.of("/usr/sbin/mariadbd");
    private final Path dir;
    final int port;
    private Process process;

    private OwnMariaDb(Path dir, int port) {
        this.dir = dir;
        this.port = port;
    }

    static boolean available() {
        return Files.isExecutable(SERVER) && Files.isExecutable(Path.of("/usr/bin/mariadb-install-db"));
    }

    /** Installs an empty server into {@code dir} and starts it, with a database {@code conv}. */
    static OwnMariaDb start(Path dir) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        run(List.of("/usr/bin/mariadb-install-db", "--no-defaults", "--datadir=" + dir.resolve("data"), "--user=root",
                "--auth-root-authentication-method=normal", "--skip-test-db"), dir.resolve("install.log"));
        OwnMariaDb db = new OwnMariaDb(dir, port);
        db.startServer();
        run(List.of("/usr/bin/mariadb", "--no-defaults", "-h127.0.0.1", "-P" + port, "-uroot",
                "-e", "CREATE DATABASE conv"), dir.resolve("create.log"));
        return db;
    }

    String url() {
        return "jdbc:mariadb://127.0.0.1:" + port + "/conv";
    }

    void startServer() throws Exception {
        process = new ProcessBuilder(SERVER.toString(), "--no-defaults", "--datadir=" + dir.resolve("data"),
                "--port=" + port, "--bind-address=127.0.0.1", "--socket=" + dir.resolve("mariadb.sock"), "--user=root",
                "--pid-file=" + dir.resolve("mariadb.pid"), "--innodb-buffer-pool-size=32M")
                .redirectErrorStream(true).redirectOutput(dir.resolve("server.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("the test's MariaDB did not start: " + Files.readString(dir.resolve("server.log")));
    }

    /** SIGKILL, as a crash or a power cut. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }

    /** SIGSTOP: the server keeps its connections open and answers nothing, as a frozen machine would. */
    void freeze() throws Exception {
        signal("-STOP");
    }

    /** SIGCONT: the frozen server goes on. */
    void thaw() throws Exception {
        signal("-CONT");
    }

    private void signal(String which) throws Exception {
        Process p = new ProcessBuilder("kill", which, Long.toString(process.pid())).inheritIO().start();
        if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("kill " + which + " failed");
        }
    }

    @Override
    public void close() throws Exception {
        if (process != null) {
            thaw(); // a stopped process does not die of SIGKILL until it is continued on some systems
            kill();
        }
    }

    private static void run(List<String> command, Path log) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + Files.readString(log));
        }
    }
}
