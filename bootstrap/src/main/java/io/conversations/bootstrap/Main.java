package io.conversations.bootstrap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code java -jar conversations.jar}: reads the configuration, starts the service, stops it cleanly. */
public final class Main {
    private static final Logger LOG = LoggerFactory.getLogger(Main.class);

    private Main() {}

    public static void main(String[] args) {
        Config config;
        try {
            config = Config.from(System.getenv(), args);
        } catch (IllegalArgumentException e) {
            System.err.println("conversations: " + e.getMessage());
            System.exit(2);
            return;
        }
        Wiring wiring = Wiring.start(config);
        Runtime.getRuntime().addShutdownHook(new Thread(wiring::close, "shutdown"));
        LOG.info("Conversations listening on port {} ({})", wiring.port(), wiring.storeDescription());
    }
}
