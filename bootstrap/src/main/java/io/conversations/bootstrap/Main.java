package io.conversations.bootstrap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code java -jar conversations.jar}: reads the configuration, starts the service, stops it cleanly. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        if (java.util.List.of(args).contains("--help") || java.util.List.of(args).contains("-h")) {
            System.out.print(Config.help());
            return;
        }
        if (java.util.List.of(args).contains("--version")) {
            System.out.println("conversations " + BuildInfo.current().describe());
            return;
        }
        Config config;
        try {
            config = Config.from(System.getenv(), args);
        } catch (IllegalArgumentException e) {
            System.err.println("conversations: " + e.getMessage());
            System.exit(2);
            return;
        }
        // Before the first logger exists: LogSetup reads the format from it.
        System.setProperty("CONVERSATIONS_LOG_FORMAT", config.logFormat());
        Logger log = LoggerFactory.getLogger(Main.class);
        Wiring wiring;
        try {
            wiring = Wiring.start(config);
        } catch (IllegalArgumentException e) {
            System.err.println("conversations: " + e.getMessage());
            System.exit(2);
            return;
        } catch (Wiring.StartFailure e) {
            log.error("not started: {}", e.getMessage());
            System.exit(1);
            return;
        }
        // SIGTERM (or Ctrl-C): a clean stop is a successful exit, 0, not the JVM's 143 for a signal.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                wiring.close();
            } catch (RuntimeException e) {
                log.error("stopping failed: {}", e.toString());
                Runtime.getRuntime().halt(1);
            }
            // The access log is written by a thread of its own: let it finish before the process ends.
            if (LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext logback) {
                logback.stop();
            }
            Runtime.getRuntime().halt(0);
        }, "shutdown"));
        log.info("Conversations {} listening on port {} ({})", BuildInfo.current().describe(), wiring.port(),
                wiring.storeDescription());
    }
}
