package io.conversations.bootstrap;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The service as a separate process ({@code Main} on the test class path), as an operator runs it. */
final class ServiceProcess implements AutoCloseable {
    private final Process process;
    final int port;

    private ServiceProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts {@code Main} on a free port with the test's keys and {@code flags}; its log goes to {@code log}. */
    static ServiceProcess start(Path dataDir, Path log, String... flags) throws IOException {
        return start(Path.of(System.getProperty("java.home"), "bin", "java").toString(), dataDir, log, flags);
    }

    /** As above, on the JVM whose {@code java} binary is given. */
    static ServiceProcess start(String java, Path dataDir, Path log, String... flags) throws IOException {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "--conversations-host=127.0.0.1", "--conversations-port=" + port,
                "--conversations-data-dir=" + dataDir, "--conversations-admin-key=" + Api.ADMIN_KEY,
                "--conversations-token-secret=" + Api.TOKEN_SECRET, "--conversations-rate-limit-user=0",
                "--conversations-rate-limit-admin=0"));
        command.addAll(List.of(flags));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new ServiceProcess(process, port);
    }

    /** A client once the service answers its health check (within 60 s). */
    Api awaitUp() throws InterruptedException {
        return awaitUp(process, port);
    }

    /** A client once the service {@code process} started on {@code port} answers its health check (60 s). */
    static Api awaitUp(Process process, int port) throws InterruptedException {
        Api api = new Api(port);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("the service process exited with " + process.exitValue());
            }
            try {
                if (api.call("GET", "/health", null, null).status() == 200) {
                    return api;
                }
            } catch (IllegalStateException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the service did not answer within 60 s");
    }

    /** SIGTERM, as an orchestrator stops a service; the exit code, or -1 if it did not exit within 30 s. */
    int terminate() throws InterruptedException {
        process.destroy();
        return process.waitFor(30, TimeUnit.SECONDS) ? process.exitValue() : -1;
    }

    long pid() {
        return process.pid();
    }

    /** SIGKILL: no shutdown hook runs. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
