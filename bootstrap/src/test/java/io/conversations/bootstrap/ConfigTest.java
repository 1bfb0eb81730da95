package io.conversations.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Configuration from the environment and flags: a flag wins, and a flag that names nothing is refused. */
class ConfigTest {
    @Test
    void keysAndTheDatabaseUrlAreCheckedBeforeAnythingStarts() {
        IllegalArgumentException key = assertThrows(IllegalArgumentException.class,
                () -> Config.from(Map.of("CONVERSATIONS_ADMIN_KEY", "short"), new String[0]));
        assertEquals("CONVERSATIONS_ADMIN_KEY must be at least 16 characters; got 5", key.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> Config.from(Map.of("CONVERSATIONS_TOKEN_SECRET", "x".repeat(31)), new String[0]));
        IllegalArgumentException url = assertThrows(IllegalArgumentException.class, () -> Config.from(
                Map.of("CONVERSATIONS_DB_URL", "jdbc:mysql://h/db?password=secret"), new String[0]));
        assertTrue(url.getMessage().contains("password=***") && !url.getMessage().contains("secret"), url.getMessage());
        assertEquals(60, Config.from(Map.of(), new String[0]).dbWaitSeconds());
        assertEquals(5, Config.from(Map.of(), new String[] {"--conversations-db-wait-seconds=5"}).dbWaitSeconds());
    }

    @Test
    void aGaleraClusterIsNamedByASequentialFailoverUrlAndOtherModesAreRefusedSayingWhy() {
        String galera = "jdbc:mariadb:sequential://10.0.0.1:3306,10.0.0.2:3306,10.0.0.3:3306/conversations?connectTimeout=2000";
        assertEquals(java.util.Optional.of(galera), Config.from(Map.of("CONVERSATIONS_DB_URL", galera), new String[0]).dbUrl());
        IllegalArgumentException balanced = assertThrows(IllegalArgumentException.class, () -> Config.from(
                Map.of("CONVERSATIONS_DB_URL", "jdbc:mariadb:loadbalance://a,b,c/db?password=secret"), new String[0]));
        assertTrue(balanced.getMessage().contains("spreads writes over several database nodes")
                && balanced.getMessage().contains("jdbc:mariadb:sequential://")
                && !balanced.getMessage().contains("secret"), balanced.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Config.from(
                Map.of("CONVERSATIONS_DB_URL", "jdbc:mariadb:sequential://a,b,c"), new String[0]));
    }

    @Test
    void corsOriginsAreAListOfOriginsCheckedBeforeAnythingStarts() {
        assertEquals(java.util.List.of("https://a.example", "http://localhost:3000"), Config.from(
                Map.of("CONVERSATIONS_CORS_ORIGINS", " https://a.example,http://localhost:3000 ,"), new String[0])
                .corsOrigins());
        assertEquals(java.util.List.of(), Config.from(Map.of(), new String[0]).corsOrigins());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Config.from(
                Map.of("CONVERSATIONS_CORS_ORIGINS", "https://a.example/app"), new String[0]));
        assertTrue(e.getMessage().contains("got https://a.example/app"), e.getMessage());
    }

    @Test
    void aFlagWinsOverTheEnvironment() {
        Config config = Config.from(Map.of("CONVERSATIONS_PORT", "8000"), new String[] {"--conversations-port=8080"});
        assertEquals(8080, config.port());
    }

    @Test
    void aMistypedFlagIsRefusedWithTheFlagsThereAre() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Config.from(Map.of(), new String[] {"--conversations-prot=8080"}));
        assertTrue(e.getMessage().startsWith("unknown flag --conversations-prot;"), e.getMessage());
        assertTrue(e.getMessage().contains("--conversations-port"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Config.from(Map.of(), new String[] {"--verbose=1"}));
    }
}
