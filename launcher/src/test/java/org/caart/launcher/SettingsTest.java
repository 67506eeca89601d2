package org.caart.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsTest {

    private final Path cwd = Path.of("/srv/caart");

    @Test
    void embeddedDefaultsLiveInTheDataFolder() {
        Settings settings = Settings.from(Map.of(), cwd);
        assertEquals(8080, settings.port());
        assertEquals(Path.of("/srv/caart/caart-data"), settings.dataDir());
        assertTrue(settings.effectiveDbUrl().startsWith("jdbc:h2:file:/srv/caart/caart-data/db/caart;MODE=PostgreSQL"));
        assertTrue(settings.effectiveDbUrl().contains("WRITE_DELAY=0"), "commits reach the file before SIGKILL can");
        assertEquals("org.h2.jdbcx.JdbcDataSource", settings.dataSourceClass());
    }

    @Test
    void portAndDataFolderComeFromTheEnvironment() {
        Settings settings = Settings.from(Map.of("CAART_HTTP_PORT", "9090", "CAART_DATA_DIR", "/var/lib/caart"), cwd);
        assertEquals(9090, settings.port());
        assertEquals(Path.of("/var/lib/caart"), settings.dataDir());
    }

    @Test
    void postgresUrlSelectsThePostgresDataSource() {
        Settings settings = Settings.from(Map.of("CAART_DB_URL", "jdbc:postgresql://db:5432/caart"), cwd);
        assertEquals("org.postgresql.ds.PGSimpleDataSource", settings.dataSourceClass());
    }

    @Test
    void otherDatabasesAreRefusedWithASentence() {
        Settings settings = Settings.from(Map.of("CAART_DB_URL", "jdbc:mysql://db/caart"), cwd);
        LaunchException e = assertThrows(LaunchException.class, settings::dataSourceClass);
        assertTrue(e.getMessage().contains("PostgreSQL"), e.getMessage());
    }

    @Test
    void portOutOfRangeIsRefused() {
        assertThrows(LaunchException.class, () -> Settings.from(Map.of("CAART_HTTP_PORT", "70000"), cwd));
        assertThrows(LaunchException.class, () -> Settings.from(Map.of("CAART_HTTP_PORT", "0"), cwd));
    }

    @Test
    void startTimeoutMustBeANumber() {
        LaunchException e = assertThrows(LaunchException.class,
                () -> Settings.from(Map.of("CAART_START_TIMEOUT", "soon"), cwd));
        assertTrue(e.getMessage().contains("CAART_START_TIMEOUT"));
    }

    @Test
    void aClusterNeedsALongNameOneInterfaceAndItsMembers() {
        Map<String, String> env = new java.util.HashMap<>(Map.of("CAART_CLUSTER", "true"));
        assertTrue(assertThrows(LaunchException.class, () -> Settings.from(env, cwd)).getMessage()
                .contains("CAART_CLUSTER_NAME"));
        env.put("CAART_CLUSTER_NAME", "dev");
        assertTrue(assertThrows(LaunchException.class, () -> Settings.from(env, cwd)).getMessage()
                .contains("24 to 128"));
        env.put("CAART_CLUSTER_NAME", "0123456789abcdef0123456789abcdef");
        assertTrue(assertThrows(LaunchException.class, () -> Settings.from(env, cwd)).getMessage()
                .contains("CAART_CLUSTER_INTERFACE"));
        env.put("CAART_CLUSTER_INTERFACE", "0.0.0.0");
        assertTrue(assertThrows(LaunchException.class, () -> Settings.from(env, cwd)).getMessage()
                .contains("one address of this host"));
        env.put("CAART_CLUSTER_INTERFACE", "192.168.1.10");
        assertTrue(assertThrows(LaunchException.class, () -> Settings.from(env, cwd)).getMessage()
                .contains("CAART_CLUSTER_MEMBERS"));
        env.put("CAART_CLUSTER_MEMBERS", "192.168.1.10:6900,192.168.1.11:6900");
        assertEquals(List.of("192.168.1.10:6900", "192.168.1.11:6900"),
                Settings.from(env, cwd).cluster().orElseThrow().members());
        assertTrue(Settings.from(Map.of(), cwd).cluster().isEmpty(), "no cluster unless asked for");
    }
}
