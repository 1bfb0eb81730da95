package io.conversations.bootstrap;

import io.conversations.adapter.http.HttpSettings;
import io.conversations.adapter.http.JwtTokens;
import io.conversations.adapter.persistence.StoreSettings;
import io.conversations.application.service.ChatService;
import io.conversations.domain.group.GroupLimits;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The service's configuration, from environment variables ({@code CONVERSATIONS_PORT}) or the
 * same names as flags in lower-case kebab form ({@code --conversations-port=7070}); a flag wins.
 */
public record Config(String host, int port, Path dataDir, Optional<String> dbUrl, String dbUser, String dbPassword,
                     Optional<String> adminKey, Optional<String> tokenSecret, GroupLimits limits, Events events,
                     long listCacheBytes, List<String> corsOrigins, int dbWaitSeconds, String logFormat,
                     int userRequestsPerSecond, int adminRequestsPerSecond, int bigChatMembers) {

    /** The shortest admin key and token secret accepted (the token secret in bytes of UTF-8): the HTTP adapter's. */
    static final int MIN_ADMIN_KEY_CHARS = HttpSettings.MIN_ADMIN_KEY_CHARS;
    static final int MIN_TOKEN_SECRET_BYTES = JwtTokens.MIN_SECRET_BYTES;

    /** Event delivery: stream caps, how often a node looks for other nodes' events, retention, heartbeat. */
    public record Events(int streamsPerUser, int streamsPerNode, int pollMillis, int retentionDays,
                         int heartbeatMillis) {}

    /** Every setting there is; a flag naming another is refused rather than ignored (a typo would go unnoticed). */
    static final Set<String> NAMES = Set.of("CONVERSATIONS_HOST", "CONVERSATIONS_PORT", "CONVERSATIONS_DATA_DIR",
            "CONVERSATIONS_DB_URL", "CONVERSATIONS_DB_USER", "CONVERSATIONS_DB_PASSWORD", "CONVERSATIONS_ADMIN_KEY",
            "CONVERSATIONS_TOKEN_SECRET", "CONVERSATIONS_MAX_GROUPS", "CONVERSATIONS_MAX_GROUPED_CONVERSATIONS",
            "CONVERSATIONS_MAX_STREAMS_PER_USER", "CONVERSATIONS_MAX_STREAMS", "CONVERSATIONS_EVENT_POLL_MS",
            "CONVERSATIONS_EVENT_RETENTION_DAYS", "CONVERSATIONS_SSE_HEARTBEAT_MS", "CONVERSATIONS_LIST_CACHE_MB",
            "CONVERSATIONS_CORS_ORIGINS", "CONVERSATIONS_DB_WAIT_SECONDS",
            "CONVERSATIONS_LOG_FORMAT", "CONVERSATIONS_RATE_LIMIT_USER", "CONVERSATIONS_RATE_LIMIT_ADMIN",
            "CONVERSATIONS_BIG_CHAT_MEMBERS");

    public static Config from(Map<String, String> env, String[] args) {
        Map<String, String> values = new HashMap<>(env);
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("flags are --name=value, e.g. --conversations-port=7070; got " + arg);
            }
            String flag = arg.substring(2, arg.indexOf('='));
            String name = flag.toUpperCase(Locale.ROOT).replace('-', '_');
            if (!NAMES.contains(name)) {
                throw new IllegalArgumentException("unknown flag --" + flag + "; the flags are " + NAMES.stream()
                        .sorted().map(n -> "--" + n.toLowerCase(Locale.ROOT).replace('_', '-')).toList());
            }
            values.put(name, arg.substring(arg.indexOf('=') + 1));
        }
        GroupLimits defaults = GroupLimits.DEFAULTS;
        // Everything is checked here, before the store opens or a key file is written.
        Optional<String> adminKey = value(values, "CONVERSATIONS_ADMIN_KEY");
        if (adminKey.isPresent() && adminKey.get().length() < MIN_ADMIN_KEY_CHARS) {
            throw new IllegalArgumentException("CONVERSATIONS_ADMIN_KEY must be at least " + MIN_ADMIN_KEY_CHARS
                    + " characters; got " + adminKey.get().length());
        }
        Optional<String> tokenSecret = value(values, "CONVERSATIONS_TOKEN_SECRET");
        if (tokenSecret.isPresent()
                && tokenSecret.get().getBytes(java.nio.charset.StandardCharsets.UTF_8).length < MIN_TOKEN_SECRET_BYTES) {
            throw new IllegalArgumentException("CONVERSATIONS_TOKEN_SECRET must be at least " + MIN_TOKEN_SECRET_BYTES
                    + " bytes");
        }
        Optional<String> dbUrl = value(values, "CONVERSATIONS_DB_URL");
        dbUrl.ifPresent(StoreSettings::checkUrl);
        return new Config(
                value(values, "CONVERSATIONS_HOST").orElse("0.0.0.0"),
                integer(values, "CONVERSATIONS_PORT", 7070, 0, 65535),
                Path.of(value(values, "CONVERSATIONS_DATA_DIR").orElse("./data")),
                dbUrl,
                value(values, "CONVERSATIONS_DB_USER").orElse(""),
                value(values, "CONVERSATIONS_DB_PASSWORD").orElse(""),
                adminKey,
                tokenSecret,
                new GroupLimits(
                        integer(values, "CONVERSATIONS_MAX_GROUPS", defaults.maxGroups(), defaults.maxGroups(), 10_000),
                        integer(values, "CONVERSATIONS_MAX_GROUPED_CONVERSATIONS", defaults.maxGroupedConversations(),
                                defaults.maxGroupedConversations(), 1_000_000),
                        defaults.maxIdsPerCall()),
                new Events(
                        integer(values, "CONVERSATIONS_MAX_STREAMS_PER_USER", 5, 1, 1_000),
                        integer(values, "CONVERSATIONS_MAX_STREAMS", 10_000, 1, 100_000),
                        integer(values, "CONVERSATIONS_EVENT_POLL_MS", 100, 10, 60_000),
                        // API.md promises at least 7 days.
                        integer(values, "CONVERSATIONS_EVENT_RETENTION_DAYS", 7, 7, 3_650),
                        integer(values, "CONVERSATIONS_SSE_HEARTBEAT_MS", 15_000, 100, 300_000)),
                // 0 turns the rendered first pages off; the default fits a -Xmx512m heap with room to spare.
                integer(values, "CONVERSATIONS_LIST_CACHE_MB", 128, 0, 65_536) * 1024L * 1024L,
                origins(value(values, "CONVERSATIONS_CORS_ORIGINS").orElse("")),
                // How long a start waits for a database that does not answer yet (a container starting beside it).
                integer(values, "CONVERSATIONS_DB_WAIT_SECONDS", 60, 0, 3_600),
                logFormat(value(values, "CONVERSATIONS_LOG_FORMAT").orElse("text")),
                // Requests a second (bursts of twice that for a user, ten times for the admin key); 0: no limit.
                integer(values, "CONVERSATIONS_RATE_LIMIT_USER", 100, 0, 1_000_000),
                integer(values, "CONVERSATIONS_RATE_LIMIT_ADMIN", 2_000, 0, 1_000_000),
                // From this many members a chat's messages write the chat, not each member (a one-to-one chat: never).
                integer(values, "CONVERSATIONS_BIG_CHAT_MEMBERS", ChatService.DEFAULT_BIG_CHAT_MEMBERS, 3, 1_000_000));
    }

    private static String logFormat(String raw) {
        String format = raw.toLowerCase(Locale.ROOT);
        if (!format.equals("text") && !format.equals("json")) {
            throw new IllegalArgumentException("CONVERSATIONS_LOG_FORMAT must be text or json; got " + raw);
        }
        return format;
    }

    /** Comma-separated {@code scheme://host[:port]} origins, or {@code *}; checked before anything starts. */
    private static List<String> origins(String raw) {
        List<String> origins = Arrays.stream(raw.split(",")).map(String::trim).filter(o -> !o.isEmpty()).toList();
        for (String origin : origins) {
            if (!HttpSettings.isOrigin(origin)) {
                throw new IllegalArgumentException("CONVERSATIONS_CORS_ORIGINS holds origins like https://app.example.com "
                        + "(scheme://host[:port], no path), comma-separated, or *; got " + origin);
            }
        }
        return origins;
    }

    private static Optional<String> value(Map<String, String> values, String name) {
        String v = values.get(name);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
    }

    private static int integer(Map<String, String> values, String name, int fallback, int min, int max) {
        Optional<String> raw = value(values, name);
        if (raw.isEmpty()) {
            return fallback;
        }
        try {
            int v = Integer.parseInt(raw.get());
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException(name + " must be an integer " + min + ".." + max + "; got " + raw.get());
    }
}
