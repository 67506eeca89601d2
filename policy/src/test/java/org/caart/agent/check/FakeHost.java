package org.caart.agent.check;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.caart.agent.platform.common.Platform;

/** A host with canned command results; files are read for real (under the platform's root). */
public final class FakeHost implements Host {

    private final Platform platform;
    private final boolean commandsAllowed;
    private final Map<String, CommandRun> commands = new HashMap<>();
    private final Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();
    private final ScanStats stats = new ScanStats();

    public FakeHost(Platform platform) {
        this(platform, true);
    }

    public FakeHost(Platform platform, boolean commandsAllowed) {
        this.platform = platform;
        this.commandsAllowed = commandsAllowed;
    }

    public FakeHost output(String command, int exitCode, String output) {
        commands.put(command, CommandRun.finished(exitCode, output));
        return this;
    }

    public FakeHost result(String command, CommandRun run) {
        commands.put(command, run);
        return this;
    }

    public int runs(String command) {
        return runs.getOrDefault(command, new AtomicInteger()).get();
    }

    @Override
    public Platform platform() {
        return platform;
    }

    @Override
    public FileRead readFile(Path path) {
        return LocalHost.read(path);
    }

    @Override
    public CommandRun run(String commandLine) {
        runs.computeIfAbsent(commandLine, c -> new AtomicInteger()).incrementAndGet();
        return commands.getOrDefault(commandLine, CommandRun.notFound("command not found: "
                + List.of(commandLine.split(" ")).get(0)));
    }

    @Override
    public boolean commandsAllowed() {
        return commandsAllowed;
    }

    @Override
    public ScanStats stats() {
        return stats;
    }
}
