package org.caart.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
    void freshRuntimeDirectoryNoDataGridBoundedHeapAndBrokerStoreInTheDataFolder() throws IOException {
        Files.createDirectories(temp.resolve("runtime"));
        Settings settings = Settings.from(Map.of("CAART_DATA_DIR", temp.toString(), "CAART_HTTP_PORT", "8181"), temp);
        List<String> command = ServerCommand.command(settings, Path.of("/opt/caart/lib/caart-server.jar"),
                temp.resolve("runtime/run-1"));
        assertTrue(command.contains("-Xmx512m"));
        assertTrue(command.contains("-Xms512m"), "the whole heap from the start");
        assertTrue(command.contains("--nohazelcast"), "no data grid listening without a cluster");
        assertFalse(command.stream().anyMatch(arg -> arg.contains("hazelcast.socket")));
        assertEquals("8181", command.get(command.indexOf("--port") + 1));
        assertEquals(temp.resolve("runtime/run-1").toString(), command.get(command.indexOf("--rootdir") + 1));
        assertTrue(command.contains("-Dorg.apache.activemq.default.directory.prefix=" + temp.resolve("broker") + "/"));
        Path preBoot = Path.of(command.get(command.indexOf("--prebootcommandfile") + 1));
        assertEquals(List.of("set configs.config.server-config.transaction-service.tx-log-dir=" + temp.resolve("tx"),
                "set configs.config.server-config.transaction-service.automatic-recovery=true",
                "set configs.config.server-config.microprofile-metrics-configuration.enabled=false"),
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
                Files.readAllLines(preBoot).get(3));
    }

    @Test
    void anHttpInterfaceBindsTheListenerToThatAddressOnly() throws IOException {
        Files.createDirectories(temp.resolve("runtime"));
        Settings settings = Settings.from(Map.of("CAART_DATA_DIR", temp.toString(),
                "CAART_HTTP_INTERFACE", "10.0.0.11"), temp);
        List<String> command = ServerCommand.command(settings, Path.of("server.jar"), temp.resolve("runtime/run-4"));
        Path preBoot = Path.of(command.get(command.indexOf("--prebootcommandfile") + 1));
        assertEquals("set configs.config.server-config.network-config.network-listeners.network-listener"
                + ".http-listener.address=10.0.0.11", Files.readAllLines(preBoot).get(3));
        assertEquals("10.0.0.11", settings.readinessHost());
        assertEquals("127.0.0.1", Settings.from(Map.of(), temp).readinessHost(), "all interfaces: ready on loopback");
        for (String bad : List.of("0.0.0.0", "::", "any", "10.0.0.1; rm")) {
            LaunchException refused = org.junit.jupiter.api.Assertions.assertThrows(LaunchException.class,
                    () -> Settings.from(Map.of("CAART_HTTP_INTERFACE", bad), temp));
            assertTrue(refused.getMessage().startsWith("CAART_HTTP_INTERFACE must be one IP address"), bad);
        }
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

    @Test
    void aClusterBindsOneInterfaceJoinsOnlyItsMembersAndKeepsItsNameOutOfCommandLineAndLog() throws IOException {
        Files.createDirectories(temp.resolve("runtime"));
        String name = "a".repeat(30);
        Settings settings = Settings.from(Map.of("CAART_DATA_DIR", temp.toString(), "CAART_CLUSTER", "true",
                "CAART_CLUSTER_NAME", name, "CAART_CLUSTER_INTERFACE", "10.0.0.5",
                "CAART_CLUSTER_MEMBERS", "10.0.0.5:6900, 10.0.0.6:6900"), temp);
        List<String> command = ServerCommand.command(settings, Path.of("server.jar"), temp.resolve("runtime/run-3"));
        assertFalse(command.contains("--nohazelcast"));
        assertTrue(command.indexOf("-Dhazelcast.socket.bind.any=false") < command.indexOf("-jar"));
        assertFalse(String.join(" ", command).contains(name), "the cluster name is a secret: not on the command line");
        assertEquals(List.of("--clustermode", "tcpip:10.0.0.5:6900,10.0.0.6:6900", "--interfaces", "10.0.0.5",
                "--startport", "6900"), command.subList(command.indexOf("--clustermode"),
                command.indexOf("--clustermode") + 6));
        Path preBoot = Path.of(command.get(command.indexOf("--prebootcommandfile") + 1));
        assertEquals("set hazelcast-runtime-configuration.cluster-group-name=${ENV=CAART_CLUSTER_NAME}",
                Files.readAllLines(preBoot).get(3));
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(preBoot)));
    }

    @Test
    void theServerRunsWithUmask077() throws Exception {
        Path made = temp.resolve("made-by-the-server");
        List<String> command = ServerCommand.withOwnerOnlyFiles(List.of("/usr/bin/touch", made.toString()));
        assertEquals(0, new ProcessBuilder(command).inheritIO().start().waitFor());
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(made)));
    }
}
