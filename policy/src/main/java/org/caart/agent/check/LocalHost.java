package org.caart.agent.check;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import org.caart.agent.platform.common.OsFamily;
import org.caart.agent.platform.common.Platform;

/**
 * The machine the agent runs on, for one scan: each file is read once and each distinct command
 * line runs once; concurrent checks asking for the same thing wait for the first read or run.
 */
public final class LocalHost implements Host {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    static final long MAX_FILE_BYTES = 64L << 20;
    static final String COMMANDS_REFUSED = org.caart.contract.agent.v1.CheckResultView.COMMANDS_REFUSED;

    private final Platform platform;
    private final boolean commandsAllowed;
    private final ProcessRunner runner;
    private final ScanStats stats = new ScanStats();
    private final Map<Path, FileRead> files = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<CommandRun>> commands = new ConcurrentHashMap<>();

    public LocalHost(Platform platform, boolean commandsAllowed) {
        this(platform, commandsAllowed, DEFAULT_TIMEOUT);
    }

    public LocalHost(Platform platform, boolean commandsAllowed, Duration timeout) {
        this.platform = platform;
        this.commandsAllowed = commandsAllowed;
        this.runner = new ProcessRunner(timeout);
    }

    /** Commands may run for built-in and local policies, and for server policies only when the host allows it. */
    public static LocalHost forPolicy(Platform platform, PolicyOrigin origin, boolean allowServerCommands) {
        return new LocalHost(platform, origin != PolicyOrigin.SERVER || allowServerCommands);
    }

    @Override
    public Platform platform() {
        return platform;
    }

    @Override
    public boolean commandsAllowed() {
        return commandsAllowed;
    }

    @Override
    public ScanStats stats() {
        return stats;
    }

    @Override
    public FileRead readFile(Path path) {
        return files.computeIfAbsent(path.toAbsolutePath().normalize(), LocalHost::read);
    }

    @Override
    public CommandRun run(String commandLine) {
        if (!commandsAllowed) {
            return CommandRun.refused(COMMANDS_REFUSED);
        }
        CompletableFuture<CommandRun> mine = new CompletableFuture<>();
        CompletableFuture<CommandRun> first = commands.putIfAbsent(commandLine, mine);
        if (first != null) {
            return first.join();
        }
        CommandRun run;
        long start = System.nanoTime();
        try {
            run = runner.run(CommandLine.parse(commandLine, platform.family() == OsFamily.WINDOWS));
        } catch (RuntimeException e) {
            run = CommandRun.failed("cannot run the command: " + e.getMessage());
        }
        stats.commandRan(commandLine, System.nanoTime() - start);
        if (run.notFound()) {
            stats.commandNotFound(commandLine.trim().split("\\s+")[0]);
        }
        mine.complete(run);
        return run;
    }

    static FileRead read(Path path) {
        try {
            if (!Files.exists(path)) {
                return FileRead.missing();
            }
            if (Files.isDirectory(path)) {
                return FileRead.unreadable("is a directory");
            }
            if (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS) && Files.size(path) > MAX_FILE_BYTES) {
                return FileRead.unreadable("larger than " + (MAX_FILE_BYTES >> 20) + " MiB");
            }
            return FileRead.of(lines(new String(Files.readAllBytes(path), StandardCharsets.UTF_8)));
        } catch (NoSuchFileException e) {
            return FileRead.missing();
        } catch (AccessDeniedException e) {
            return FileRead.unreadable("permission denied");
        } catch (IOException | SecurityException e) {
            return FileRead.unreadable(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /** Splits text as C++ getline does: on '\n', no trailing empty line, nothing for empty text. */
    public static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = text.length();
            }
            lines.add(text.substring(start, end));
            start = end + 1;
        }
        return lines;
    }
}
