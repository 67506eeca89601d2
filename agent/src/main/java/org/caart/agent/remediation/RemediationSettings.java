package org.caart.agent.remediation;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Properties;

/**
 * The host's remediation settings in {@code agent.properties}: {@code allow-remediation} (default false: every
 * APPLY or ROLLBACK order is refused), {@code remediation-dead-man-seconds} (default 120: how long after a change
 * to remote access the agent tries to reach its server before it reverts the change), {@code
 * remediation-settle-seconds} (default 0: an extra wait before every re-check) and {@code
 * remediation-on-restart} ({@code resume}, the default, or {@code rollback}: what happens to an order the agent
 * was stopped in). {@code allow-server-commands} is read too: it decides whether command checks of a server policy
 * may run for a re-check. {@code remediation-uploaded-policies} (default false) lets checks of policies a company
 * uploaded be fixed too: their expected values come from whoever uploaded them, so by default only the agent's
 * built-in policies (and, from the command line, local policy files) are fixed and uploaded ones are MANUAL.
 */
public record RemediationSettings(boolean allowRemediation, boolean allowServerCommands, Duration deadMan,
                                  Duration settle, OnRestart onRestart, boolean uploadedPolicies) {

    public static final String ALLOW_REMEDIATION = "allow-remediation";
    static final String DEAD_MAN = "remediation-dead-man-seconds";
    static final String SETTLE = "remediation-settle-seconds";
    static final String ON_RESTART = "remediation-on-restart";
    static final String UPLOADED_POLICIES = "remediation-uploaded-policies";

    /** The settings without fixes from uploaded policies (the default). */
    public RemediationSettings(boolean allowRemediation, boolean allowServerCommands, Duration deadMan, Duration settle,
                               OnRestart onRestart) {
        this(allowRemediation, allowServerCommands, deadMan, settle, onRestart, false);
    }

    /** What recovery does with an order the agent was stopped in. */
    public enum OnRestart {
        /** Put the interrupted item back, then apply it and the remaining items. */
        RESUME,
        /** Put every change of the order back, the interrupted item included. */
        ROLLBACK
    }

    public static RemediationSettings defaults() {
        return new RemediationSettings(false, false, Duration.ofSeconds(120), Duration.ZERO, OnRestart.RESUME);
    }

    public static RemediationSettings load(Path configFile) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(configFile, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (NoSuchFileException e) {
            return defaults();
        }
        String onRestart = properties.getProperty(ON_RESTART, "resume").strip().toUpperCase(Locale.ROOT);
        if (!onRestart.equals("RESUME") && !onRestart.equals("ROLLBACK")) {
            throw new IOException(configFile + ": " + ON_RESTART + " must be resume or rollback, not '" + onRestart
                    + "'");
        }
        return new RemediationSettings(flag(properties, ALLOW_REMEDIATION), flag(properties, "allow-server-commands"),
                seconds(properties, DEAD_MAN, 120, 5, configFile), seconds(properties, SETTLE, 0, 0, configFile),
                OnRestart.valueOf(onRestart), flag(properties, UPLOADED_POLICIES));
    }

    /**
     * Writes {@code allow-remediation=true} into the host's agent.properties, keeping its other lines and comments
     * (creating the file, 0644, when there is none).
     */
    public static void allowIn(Path configFile) throws IOException {
        String text = Files.exists(configFile) ? Files.readString(configFile, StandardCharsets.UTF_8) : "";
        Files.createDirectories(configFile.toAbsolutePath().getParent());
        new RootedFiles(configFile.toAbsolutePath().getRoot()).write(configFile.toAbsolutePath().toString(),
                ConfigLines.set(text, ALLOW_REMEDIATION, "=", "true", false, false).getBytes(StandardCharsets.UTF_8),
                0644);
    }

    public RemediationSettings withDeadMan(Duration deadMan) {
        return new RemediationSettings(allowRemediation, allowServerCommands, deadMan, settle, onRestart,
                uploadedPolicies);
    }

    public RemediationSettings withSettle(Duration settle) {
        return new RemediationSettings(allowRemediation, allowServerCommands, deadMan, settle, onRestart,
                uploadedPolicies);
    }

    public RemediationSettings withOnRestart(OnRestart onRestart) {
        return new RemediationSettings(allowRemediation, allowServerCommands, deadMan, settle, onRestart,
                uploadedPolicies);
    }

    public RemediationSettings withUploadedPolicies(boolean uploaded) {
        return new RemediationSettings(allowRemediation, allowServerCommands, deadMan, settle, onRestart, uploaded);
    }

    private static boolean flag(Properties properties, String name) {
        return "true".equalsIgnoreCase(properties.getProperty(name, "false").strip());
    }

    private static Duration seconds(Properties properties, String name, int fallback, int minimum, Path file)
            throws IOException {
        String value = properties.getProperty(name, String.valueOf(fallback)).strip();
        try {
            int seconds = Integer.parseInt(value);
            if (seconds >= minimum && seconds <= 3600) {
                return Duration.ofSeconds(seconds);
            }
        } catch (NumberFormatException e) {
            // reported below like a number out of range
        }
        throw new IOException(file + ": " + name + " must be a whole number of seconds from " + minimum + " to 3600,"
                + " not '" + value + "'");
    }
}
