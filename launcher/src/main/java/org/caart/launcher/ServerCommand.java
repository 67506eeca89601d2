package org.caart.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns {@link Settings} into the Payara Micro command line and environment: a fresh runtime directory for every
 * start (Micro would otherwise redeploy the application it unpacked last time), the broker store and H2 files in
 * the data folder, and a pre-boot command file that keeps the transaction log in the data folder and points the
 * JMS adapter at an external broker when one is set.
 */
final class ServerCommand {

    private ServerCommand() {
    }

    static List<String> command(Settings settings, Path serverJar, Path runtimeDir) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // the whole heap from the start: with the serial collector the young generation is a third of the heap in
        // use, and a small one made ingest bursts copy the batches in flight at every collection
        command.add("-Xms" + settings.heap());
        command.add("-Xmx" + settings.heap());
        command.add("-Xss512k");
        command.add("-XX:+UseSerialGC");
        command.add("-XX:MaxMetaspaceSize=256m");
        command.add("-Djava.awt.headless=true");
        command.add("-Dorg.apache.activemq.default.directory.prefix=" + settings.dataDir().resolve("broker") + "/");
        // the agent the portal offers for download: the distribution's own copy (CAART_AGENT_JAR overrides it)
        command.add("-Dcaart.agent.bundled-jar=" + serverJar.toAbsolutePath().getParent().resolveSibling("agent")
                .resolve("caart-agent.jar"));
        if (!settings.javaOptions().isBlank()) {
            command.addAll(List.of(settings.javaOptions().trim().split("\\s+")));
        }
        command.add("-jar");
        command.add(serverJar.toString());
        command.add("--port");
        command.add(String.valueOf(settings.port()));
        command.add("--rootdir");
        command.add(runtimeDir.toString());
        command.add("--logproperties");
        command.add(writeLogging(runtimeDir).toString());
        if (settings.cluster().isPresent()) {
            // Hazelcast binds to any address unless told otherwise, even with an interface configured
            command.add(command.indexOf("-jar"), "-Dhazelcast.socket.bind.any=false");
            command.addAll(settings.cluster().get().options());
        } else {
            command.add("--nohazelcast"); // no data grid, nothing listening but HTTP
        }
        command.add("--prebootcommandfile");
        command.add(writeCommands(runtimeDir, "preboot", preBootCommands(settings)).toString());
        return command;
    }

    /**
     * The command run through {@code /bin/sh} with umask 077, so that every file the server makes (H2 database,
     * broker store, transaction log, runtime directory) is its owner's only. Unchanged where there is no sh.
     */
    static List<String> withOwnerOnlyFiles(List<String> command) {
        if (!Files.isExecutable(Path.of("/bin/sh"))) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(List.of("/bin/sh", "-c", "umask 077 && exec \"$@\"", "caart-server"));
        wrapped.addAll(command);
        return wrapped;
    }

    static Map<String, String> environment(Settings settings, Map<String, String> inherited) {
        Map<String, String> env = new HashMap<>(inherited);
        env.put("CAART_DATA_DIR", settings.dataDir().toString());
        env.put("CAART_HTTP_PORT", String.valueOf(settings.port()));
        env.put("CAART_DB_URL", settings.effectiveDbUrl());
        env.put("CAART_DB_DATASOURCE", settings.dataSourceClass());
        env.putIfAbsent("CAART_PUBLIC_URL", "http://localhost:" + settings.port());
        return env;
    }

    /**
     * Pre-boot asadmin commands. The transaction log lives in the data folder with automatic recovery on, so an
     * XA transaction left in doubt by a crash (JMS + database) is completed at the next start: the runtime
     * directory, Payara's default place for it, is new at every start.
     */
    static List<String> preBootCommands(Settings settings) {
        List<String> commands = new ArrayList<>();
        commands.add("set configs.config.server-config.transaction-service.tx-log-dir="
                + settings.dataDir().resolve("tx"));
        commands.add("set configs.config.server-config.transaction-service.automatic-recovery=true");
        // Payara's /metrics is public and CAaRT does not use it; /health stays for the launcher
        commands.add("set configs.config.server-config.microprofile-metrics-configuration.enabled=false");
        settings.httpInterface().ifPresent(address -> commands.add("set configs.config.server-config.network-config"
                + ".network-listeners.network-listener.http-listener.address=" + address));
        settings.brokerUrl().ifPresent(url -> commands.add(brokerCommand(settings)));
        settings.cluster().ifPresent(cluster -> commands.add(Cluster.nameCommand()));
        return commands;
    }

    /** asadmin syntax: properties separated by ':', so ':' '=' and '\' inside a value are escaped. */
    static String brokerCommand(Settings settings) {
        StringBuilder props = new StringBuilder("ServerUrl=").append(escape(settings.brokerUrl().orElseThrow()))
                .append(":BrokerXmlConfig=").append(escape("broker:(vm://unused)?persistent=false&useJmx=false"));
        settings.brokerUser().ifPresent(user -> props.append(":UserName=").append(escape(user)));
        settings.brokerPassword().ifPresent(secret -> props.append(":Password=").append(escape(secret)));
        return "create-resource-adapter-config --property " + props + " caart-jms";
    }

    private static Path writeCommands(Path runtimeDir, String kind, List<String> commands) {
        Path file = runtimeDir.resolveSibling(runtimeDir.getFileName() + "-" + kind + ".asadmin");
        try {
            return Files.write(DataFolder.createOwnerFile(file), commands, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path writeLogging(Path runtimeDir) {
        Path file = runtimeDir.resolveSibling(runtimeDir.getFileName() + "-logging.properties");
        try (var in = ServerCommand.class.getResourceAsStream("logging.properties");
                var copy = Files.newOutputStream(DataFolder.createOwnerFile(file))) {
            in.transferTo(copy);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String escape(String value) {
        return value.replace("\\", "\\\\").replace(":", "\\:").replace("=", "\\=");
    }
}
