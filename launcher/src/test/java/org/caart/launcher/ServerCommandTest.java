package org.caart.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerCommandTest {

    @TempDir
    Path temp;

    @Test
    void freshRuntimeDirectoryNoClusterBoundedHeapAndBrokerStoreInTheDataFolder() throws IOException {
        Files.createDirectories(temp.resolve("runtime"));
        Settings settings = Settings.from(Map.of("CAART_DATA_DIR", temp.toString(), "CAART_HTTP_PORT", "8181"), temp);
        List<String> command = ServerCommand.command(settings, Path.of("/opt/caart/lib/caart-server.jar"),
                temp.resolve("runtime/run-1"));
        assertTrue(command.contains("-Xmx512m"));
        assertTrue(command.contains("-Xms512m"), "the whole heap from the start");
        assertTrue(command.contains("--nocluster"));
        assertEquals("8181", command.get(command.indexOf("--port") + 1));
        assertEquals(temp.resolve("runtime/run-1").toString(), command.get(command.indexOf("--rootdir") + 1));
        assertTrue(command.contains("-Dorg.apache.activemq.default.directory.prefix=" + temp.resolve("broker") + "/"));
        Path preBoot = Path.of(command.get(command.indexOf("--prebootcommandfile") + 1));
        assertEquals(List.of("set configs.config.server-config.transaction-service.tx-log-dir=" + temp.resolve("tx"),
                "set configs.config.server-config.transaction-service.automatic-recovery=true"),
                Files.readAllLines(preBoot));
    }

    @Test
    void externalBrokerIsConfiguredByAPreBootCommand() throws IOException {
        Files.createDirectories(temp.resolve("runtime"));
        Settings settings = Settings.from(Map.of("CAART_DATA_DIR", temp.toString(),
                "CAART_BROKER_URL", "tcp://mq:61616", "CAART_BROKER_USER", "caart"), temp);
        List<String> command = ServerCommand.command(settings, Path.of("server.jar"), temp.resolve("runtime/run-2"));
        Path preBoot = Path.of(command.get(command.indexOf("--prebootcommandfile") + 1));
        assertEquals("create-resource-adapter-config --property ServerUrl=tcp\\://mq\\:61616"
                        + ":BrokerXmlConfig=broker\\:(vm\\://unused)?persistent\\=false&useJmx\\=false"
                        + ":UserName=caart caart-jms",
                Files.readAllLines(preBoot).get(2));
    }

    @Test
    void childEnvironmentCarriesTheEffectiveDatabase() {
        Settings settings = Settings.from(Map.of("CAART_DATA_DIR", temp.toString()), temp);
        Map<String, String> env = ServerCommand.environment(settings, Map.of("PATH", "/usr/bin"));
        assertEquals(settings.effectiveDbUrl(), env.get("CAART_DB_URL"));
        assertEquals("org.h2.jdbcx.JdbcDataSource", env.get("CAART_DB_DATASOURCE"));
        assertEquals("http://localhost:8080", env.get("CAART_PUBLIC_URL"));
        assertEquals("/usr/bin", env.get("PATH"));
    }
}
