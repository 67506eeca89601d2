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
 * it is off unless the file says so. {@code spool-max-batches} bounds how many result batches wait on disk while the
 * server is unreachable (default 10,000; beyond it the oldest is dropped and counted).
 */
public record AgentConfig(boolean allowServerCommands, int spoolMaxBatches) {

    public static final String ALLOW_SERVER_COMMANDS = "allow-server-commands";
    public static final String SPOOL_MAX_BATCHES = "spool-max-batches";
    public static final int DEFAULT_SPOOL_MAX_BATCHES = 10_000;

    public AgentConfig {
        if (spoolMaxBatches < 1) {
            throw new IllegalArgumentException(SPOOL_MAX_BATCHES + " must be at least 1");
        }
    }

    public static AgentConfig defaults() {
        return new AgentConfig(false, DEFAULT_SPOOL_MAX_BATCHES);
    }

    public static AgentConfig load(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (NoSuchFileException e) {
            return defaults();
        }
        boolean commands = "true".equalsIgnoreCase(properties.getProperty(ALLOW_SERVER_COMMANDS, "false").strip());
        String spool = properties.getProperty(SPOOL_MAX_BATCHES, String.valueOf(DEFAULT_SPOOL_MAX_BATCHES)).strip();
        try {
            return new AgentConfig(commands, Integer.parseInt(spool));
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + SPOOL_MAX_BATCHES + " must be a whole number of at least 1, not '"
                    + spool + "'", e);
        }
    }
}
