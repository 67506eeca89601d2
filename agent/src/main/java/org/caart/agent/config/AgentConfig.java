package org.caart.agent.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The host's local agent settings ({@code agent.properties} in the configuration directory).
 * {@code allow-server-commands=true} lets policies that came from a server run {@code c:} commands;
 * it is off unless the file says so.
 */
public record AgentConfig(boolean allowServerCommands) {

    public static final String ALLOW_SERVER_COMMANDS = "allow-server-commands";

    public static AgentConfig load(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (NoSuchFileException e) {
            return new AgentConfig(false);
        }
        return new AgentConfig("true".equalsIgnoreCase(properties.getProperty(ALLOW_SERVER_COMMANDS, "false").strip()));
    }
}
