package io.conversations.bootstrap;

import io.conversations.adapter.http.HttpSettings;
import io.conversations.adapter.http.JwtTokens;
import io.conversations.adapter.persistence.StoreSettings;
import io.conversations.application.service.ChatService;
import io.conversations.domain.group.GroupLimits;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

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

    /** One setting: its name, its default as a person reads it, and what it does. */
    record Setting(String name, String byDefault, String meaning) {
        String flag() {
            return "--" + name.toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /**
     * Every setting there is, as {@code --help} lists them (README's table says the same at more length); a
     * flag naming another is refused rather than ignored (a typo would go unnoticed).
     */
    static final List<Setting> SETTINGS = List.of(
            new Setting("CONVERSATIONS_PORT", "7070", "HTTP port"),
            new Setting("CONVERSATIONS_HOST", "0.0.0.0", "address to listen on"),
            new Setting("CONVERSATIONS_DATA_DIR", "./data", "the embedded store's file and the generated keys"),
            new Setting("CONVERSATIONS_DB_URL", "(embedded store)",
                    "jdbc:mariadb://host:3306/db to use MariaDB; jdbc:mariadb:sequential://n1,n2,n3/db for Galera"),
            new Setting("CONVERSATIONS_DB_USER", "(none)", "MariaDB user"),
            new Setting("CONVERSATIONS_DB_PASSWORD", "(none)", "MariaDB password"),
            new Setting("CONVERSATIONS_DB_WAIT_SECONDS", "60", "how long a start waits for a database to answer"),
            new Setting("CONVERSATIONS_ADMIN_KEY", "(generated into <data dir>/admin.key)",
                    "bearer key of /v1/admin/*, at least " + MIN_ADMIN_KEY_CHARS + " characters; the same on every node"),
            new Setting("CONVERSATIONS_TOKEN_SECRET", "(generated into <data dir>/token.secret)",
                    "HMAC secret of user tokens, at least " + MIN_TOKEN_SECRET_BYTES + " bytes; the same on every node"),
            new Setting("CONVERSATIONS_MAX_GROUPS", "20", "groups a user may have (may only be raised)"),
            new Setting("CONVERSATIONS_MAX_GROUPED_CONVERSATIONS", "1000",
                    "distinct conversations a user may have in groups (may only be raised)"),
            new Setting("CONVERSATIONS_MAX_STREAMS_PER_USER", "5", "event streams a user may hold open on one node"),
            new Setting("CONVERSATIONS_MAX_STREAMS", "10000", "event streams one node holds open"),
            new Setting("CONVERSATIONS_EVENT_POLL_MS", "100", "how often a node looks for other nodes' events"),
            new Setting("CONVERSATIONS_EVENT_RETENTION_DAYS", "7", "days events are kept (at least 7)"),
            new Setting("CONVERSATIONS_SSE_HEARTBEAT_MS", "15000", "how often an idle stream carries a heartbeat"),
            new Setting("CONVERSATIONS_BIG_CHAT_MEMBERS", String.valueOf(ChatService.DEFAULT_BIG_CHAT_MEMBERS),
                    "from how many members a group chat's messages write the chat, not each member"),
            new Setting("CONVERSATIONS_LIST_CACHE_MB", "128", "memory for rendered first pages of the list (0: none)"),
            new Setting("CONVERSATIONS_CORS_ORIGINS", "(none)",
                    "other web origins whose pages may call the service, comma-separated, or *"),
            new Setting("CONVERSATIONS_RATE_LIMIT_USER", "100", "requests a second a user may send (0: no limit)"),
            new Setting("CONVERSATIONS_RATE_LIMIT_ADMIN", "2000", "requests a second for the admin key (0: no limit)"),
            new Setting("CONVERSATIONS_LOG_FORMAT", "text", "text, or json: one JSON object a line"));

    static final Set<String> NAMES = SETTINGS.stream().map(Setting::name).collect(Collectors.toUnmodifiableSet());

    /** What {@code --help} prints: how to give settings, and each with its default. */
    static String help() {
        StringBuilder out = new StringBuilder("""
                Usage: java -jar conversations.jar [--name=value ...]
                       java -jar conversations.jar --help | --version

                Conversations: a chat product's conversation list and conversation groups over HTTP.
                Every setting is an environment variable or the same name as a flag (a flag wins):
                CONVERSATIONS_PORT=8080 or --conversations-port=8080.

                """);
        for (Setting setting : SETTINGS) {
            out.append(String.format("  %-42s %s%n  %-42s default: %s%n", setting.flag(), setting.meaning(), "",
                    setting.byDefault()));
        }
        out.append("""

                With no CONVERSATIONS_DB_URL the data lives in an embedded H2 file under the data dir.
                The contract: docs/API.md; the OpenAPI description: GET /openapi.json on a running node.
                """);
        return out.toString();
    }

    public static Config from(Map<String, String> env, String[] args) {
        Map<String, String> values = new HashMap<>(env);
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("flags are --name=value, e.g. --conversations-port=7070; got " + arg);
            }
            String flag = arg.substring(2, arg.indexOf('='));
            String name = flag.toUpperCase(Locale.ROOT).replace('-', '_');
            if (!NAMES.contains(name)) {
                throw new IllegalArgumentException("unknown flag --" + flag + ";" + closest(flag)
                        .map(known -> " did you mean " + known + "?").orElse("") + " --help lists them");
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

    /** The known flag a mistyped one is most likely to mean: at most three edits away. */
    private static Optional<String> closest(String flag) {
        String typed = "--" + flag.toLowerCase(Locale.ROOT);
        return SETTINGS.stream().map(Setting::flag).filter(known -> edits(typed, known) <= 3)
                .min(Comparator.comparingInt(known -> edits(typed, known)));
    }

    /** Levenshtein's distance between two strings. */
    private static int edits(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
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
