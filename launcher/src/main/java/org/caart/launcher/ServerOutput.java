package org.caart.launcher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Copies the server's output to the log file, shows CAaRT's own messages and errors on the console, and notices
 * what means the server will never become ready: a {@code CAART-FATAL:} sentence, Payara failing to start, or
 * Payara ready with the first SEVERE record explaining why the application is not.
 */
final class ServerOutput implements Runnable {

    static final String FATAL = "CAART-FATAL:";

    private final BufferedReader in;
    private final Path log;
    private final LogOpener logFile;
    private final PrintStream console;
    private final String databaseUrl;
    private final AtomicReference<String> fatal = new AtomicReference<>();
    private final AtomicReference<String> firstSevere = new AtomicReference<>();
    private volatile boolean payaraReady;
    private volatile boolean bootRace;
    private StringBuilder severe;

    /** Opens the log file when the output starts (rotation and retention are {@link LogFile}'s). */
    interface LogOpener {
        LogFile get() throws IOException;
    }

    ServerOutput(InputStream in, Path log, PrintStream console, String databaseUrl) {
        this(in, log, () -> new LogFile(log, Long.MAX_VALUE, java.time.Duration.ofDays(36500),
                java.time.Clock.systemUTC()), console, databaseUrl);
    }

    ServerOutput(InputStream in, Path log, LogOpener logFile, PrintStream console, String databaseUrl) {
        this.in = in == null ? null : new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        this.log = log;
        this.logFile = logFile;
        this.console = console;
        this.databaseUrl = databaseUrl;
    }

    static ServerOutput start(InputStream in, Path log, Settings settings, PrintStream console) {
        ServerOutput output = new ServerOutput(in, log, () -> LogFile.open(log, settings), console,
                settings.effectiveDbUrl());
        Thread thread = new Thread(output, "caart-server-output");
        thread.setDaemon(true);
        thread.start();
        return output;
    }

    Optional<String> fatal() {
        return Optional.ofNullable(fatal.get());
    }

    /**
     * Payara Micro 6 sometimes deploys with no context class loader on its main thread and then fails to validate
     * the resource adapter ("getContextClassLoader() is null"); a fresh start does not meet it again.
     */
    boolean bootRace() {
        return bootRace;
    }

    boolean payaraReady() {
        return payaraReady;
    }

    /** A SEVERE record was logged: the evidence that a deployment failed rather than is merely slow. */
    boolean loggedSevere() {
        return firstSevere.get() != null || severe != null;
    }

    /** Why the application did not come up, from the first SEVERE record; a database problem is named as one. */
    String deploymentFailure() {
        String record = Optional.ofNullable(firstSevere.get()).orElse(severe == null ? "" : severe.toString());
        if (record.isEmpty()) {
            return "the CAaRT application did not start and logged no error";
        }
        if (record.contains("EclipseLink-4002") || record.contains("allocating a connection")
                || record.contains("PSQLException") || record.contains("JdbcSQL")) {
            return "CAaRT cannot use its database at " + Launcher.describe(databaseUrl) + ": " + cause(record);
        }
        return "the CAaRT application did not deploy: " + cause(record);
    }

    @Override
    public void run() {
        try (LogFile file = logFile.get()) {
            String line;
            while ((line = in.readLine()) != null) {
                file.writeLine(line);
                inspect(line);
            }
        } catch (IOException e) {
            console.println("Server output could not be written to " + log + ": " + e.getMessage());
        }
    }

    void inspect(String line) {
        if (isHeader(line)) {
            closeRecord();
            if (line.contains("] [SEVERE] [")) {
                severe = new StringBuilder(line);
            }
            if (line.contains("] [PayaraMicro] [") && line.contains(" ready in ")) {
                payaraReady = true;
            }
        } else if (severe != null) {
            severe.append('\n').append(line);
        }
        if (line.contains("Thread.getContextClassLoader()\" is null")) {
            bootRace = true;
        }
        fatalReason(line).ifPresent(reason -> fatal.compareAndSet(null, reason));
        if (shouldShow(line)) {
            console.println(line);
        }
    }

    private void closeRecord() {
        if (severe != null) {
            firstSevere.compareAndSet(null, severe.toString());
            severe = null;
        }
    }

    static boolean isHeader(String line) {
        return line.startsWith("[") && line.contains("] [") && line.contains("[levelValue: ");
    }

    /** The innermost "because: ..." sentence, else the first line of the record's message. */
    static String cause(String record) {
        int because = record.lastIndexOf("because: ");
        if (because >= 0) {
            return sentence(record.substring(because + "because: ".length()));
        }
        int open = record.indexOf("[[");
        return record.substring(open < 0 ? 0 : open + 2).lines().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("Local Exception Stack"))
                .findFirst().map(ServerOutput::sentence).orElse("unknown error");
    }

    private static String sentence(String text) {
        String first = text.lines().findFirst().orElse(text).strip();
        int stop = first.indexOf(". ");
        return (stop > 0 ? first.substring(0, stop) : first).replace("]]", "").strip();
    }

    static Optional<String> fatalReason(String line) {
        int marker = line.indexOf(FATAL);
        if (marker >= 0) {
            return Optional.of(line.substring(marker + FATAL.length()).replace("]]", "").strip());
        }
        if (line.contains("Failed to start, exiting")) {
            return Optional.of("Payara Micro failed to start");
        }
        return Optional.empty();
    }

    /** CAaRT's own records and every SEVERE record, header lines only (no stack traces on the console). */
    static boolean shouldShow(String line) {
        return line.contains(FATAL) || line.startsWith("[") && (line.contains("] [org.caart.")
                || line.contains("] [SEVERE] ["));
    }
}
