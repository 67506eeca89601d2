package org.caart.launcher;

import java.io.BufferedReader;
import java.io.BufferedWriter;
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
 * the lines that mean the server will never become ready.
 */
final class ServerOutput implements Runnable {

    static final String FATAL = "CAART-FATAL:";

    private final BufferedReader in;
    private final Path log;
    private final PrintStream console;
    private final AtomicReference<String> fatal = new AtomicReference<>();

    private ServerOutput(InputStream in, Path log, PrintStream console) {
        this.in = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        this.log = log;
        this.console = console;
    }

    static ServerOutput start(InputStream in, Path log, PrintStream console) {
        ServerOutput output = new ServerOutput(in, log, console);
        Thread thread = new Thread(output, "caart-server-output");
        thread.setDaemon(true);
        thread.start();
        return output;
    }

    Optional<String> fatal() {
        return Optional.ofNullable(fatal.get());
    }

    @Override
    public void run() {
        try (BufferedWriter writer = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                writer.write(line);
                writer.newLine();
                writer.flush();
                inspect(line);
            }
        } catch (IOException e) {
            console.println("Server output could not be written to " + log + ": " + e.getMessage());
        }
    }

    void inspect(String line) {
        Optional<String> reason = fatalReason(line);
        if (reason.isPresent()) {
            fatal.compareAndSet(null, reason.get());
        }
        if (shouldShow(line)) {
            console.println(line);
        }
    }

    static Optional<String> fatalReason(String line) {
        int marker = line.indexOf(FATAL);
        if (marker >= 0) {
            return Optional.of(line.substring(marker + FATAL.length()).replace("]]", "").strip());
        }
        if (line.contains("Failed to start, exiting")) {
            return Optional.of("Payara Micro failed to start");
        }
        if (line.contains("Exception while loading the app") || line.contains("Error occurred during deployment")) {
            return Optional.of("the CAaRT application failed to deploy");
        }
        return Optional.empty();
    }

    /** CAaRT's own records and every SEVERE record, header lines only (no stack traces on the console). */
    static boolean shouldShow(String line) {
        return line.contains(FATAL) || line.startsWith("[") && (line.contains("] [org.caart.")
                || line.contains("] [SEVERE] ["));
    }
}
