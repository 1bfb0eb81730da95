package io.conversations.bootstrap;

import ch.qos.logback.classic.AsyncAppender;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * Logback's configuration, in code (found through ServiceLoader): one line an event, or a JSON object a line when
 * {@code CONVERSATIONS_LOG_FORMAT} is {@code json}; a request's lines carry its id; the access log is written by
 * a thread of its own and drops nothing. In code rather than logback.xml: parsing the XML took about a fifth of
 * a start (its parser and Joran's classes).
 */
public final class LogSetup extends ContextAwareBase implements Configurator {
    static final String PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXX} [%thread] %-5level %logger{36}"
            + "%replace( [%X{requestId}]){' \\[\\]', ''} - %msg%n";

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        boolean json = "json".equalsIgnoreCase(setting("CONVERSATIONS_LOG_FORMAT", "text"));
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName("console");
        console.setEncoder(encoder(context, json));
        console.start();

        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(console);
        for (String quiet : new String[] {"org.eclipse.jetty", "com.zaxxer.hikari", "org.flywaydb",
            // Javalin's start and stop lines name the preload's throwaway port too; Main logs the real one.
            "io.javalin.Javalin"}) {
            context.getLogger(quiet).setLevel(Level.WARN);
        }

        AsyncAppender access = new AsyncAppender();
        access.setContext(context);
        access.setName("access-async");
        access.setQueueSize(8192);
        access.setDiscardingThreshold(0);
        access.addAppender(console);
        access.start();
        Logger accessLog = context.getLogger("access");
        accessLog.setAdditive(false);
        accessLog.setLevel(Level.toLevel(setting("CONVERSATIONS_ACCESS_LOG_LEVEL", "INFO"), Level.INFO));
        accessLog.addAppender(access);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    private static Encoder<ILoggingEvent> encoder(LoggerContext context, boolean json) {
        if (json) {
            JsonLines layout = new JsonLines();
            layout.setContext(context);
            layout.start();
            LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
            encoder.setContext(context);
            encoder.setLayout(layout);
            encoder.start();
            return encoder;
        }
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();
        return encoder;
    }

    /** A system property (Main sets the format from the flag), else the environment variable, else the default. */
    private static String setting(String name, String fallback) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            value = System.getenv(name);
        }
        return value == null || value.isBlank() ? fallback : value.trim();
    }
}
