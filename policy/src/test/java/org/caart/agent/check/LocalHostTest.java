package org.caart.agent.check;

import org.caart.agent.platform.common.FakePlatform;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

@Tag("linux-host")
@EnabledOnOs(OS.LINUX)
class LocalHostTest {

    @TempDir
    Path dir;

    private LocalHost host(boolean allowed) {
        return new LocalHost(FakePlatform.linux().root(dir), allowed, Duration.ofSeconds(2));
    }

    @Test
    void eachDistinctCommandRunsOnce() throws IOException {
        Path counter = dir.resolve("count");
        LocalHost host = host(true);
        String command = "sh -c \"echo run >> " + counter + "; echo hello\"";
        CommandRun first = host.run(command);
        CommandRun second = host.run(command);
        assertTrue(first.ran());
        assertEquals("hello\n", first.output());
        assertEquals(first, second);
        assertEquals(1, Files.readAllLines(counter).size());
    }

    @Test
    void exitCodeAndStderrAreKept() {
        CommandRun run = host(true).run("sh -c \"echo oops >&2; exit 3\"");
        assertTrue(run.ran());
        assertEquals(3, run.exitCode());
        assertEquals("oops\n", run.output());
    }

    @Test
    void missingProgramsAreNotFound() {
        LocalHost host = host(true);
        CommandRun direct = host.run("caart-no-such-program --version");
        assertTrue(direct.notFound());
        assertFalse(direct.ran());
        CommandRun viaShell = host.run("caart-no-such-program && true");
        assertTrue(viaShell.notFound(), viaShell.toString());
        assertEquals(java.util.Set.of("caart-no-such-program"), host.stats().missingCommands());
    }

    @Test
    void slowCommandsTimeOut() {
        long start = System.nanoTime();
        CommandRun run = host(true).run("sleep 20");
        assertTrue(run.timedOut());
        assertTrue(System.nanoTime() - start < 10_000_000_000L);
    }

    @Test
    void aBackgroundChildHoldingTheOutputEndsAtTheTimeout() throws Exception {
        Path pidFile = dir.resolve("child.pid");
        long start = System.nanoTime();
        CommandRun run = host(true).run("sh -c \"sleep 55 & echo $! > " + pidFile + "; echo hi\"");
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;
        assertTrue(seconds < 10, "took " + seconds + " s");
        assertTrue(run.timedOut(), run.toString());
        assertEquals("hi\n", run.output(), run.toString());
        assertEnds(pidFile);
    }

    @Test
    void theOutputOfABackgroundChildCountsUntilItCloses() {
        for (int i = 0; i < 5; i++) {
            CommandRun run = host(true).run("sh -c \"(sleep 0.4; echo late) & sleep 0.1; echo early\"");
            assertFalse(run.timedOut(), run.toString());
            assertEquals(0, run.exitCode(), run.toString());
            assertEquals("early\nlate\n", run.output(), run.toString());
        }
    }

    @Test
    void theWholeSessionIsKilledAtTheTimeout() throws Exception {
        Path pidFile = dir.resolve("orphan.pid");
        long start = System.nanoTime();
        CommandRun run = host(true).run("sh -c \"(sleep 57 & echo $! > " + pidFile + ") ; sleep 58\"");
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;
        assertTrue(run.timedOut(), run.toString());
        assertTrue(seconds < 10, "took " + seconds + " s");
        assertEnds(pidFile);
    }

    /** The process whose pid the file holds has ended (within a second: a kill is asynchronous). */
    private static void assertEnds(Path pidFile) throws Exception {
        long pid = Long.parseLong(Files.readString(pidFile).strip());
        long deadline = System.nanoTime() + 1_000_000_000L;
        while (running(pid) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        boolean running = running(pid);
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        assertFalse(running, "process " + pid + " outlived the command");
    }

    /** Alive and not a zombie (an orphan is reaped by init, which may take its time in a container). */
    private static boolean running(long pid) throws IOException {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
        } catch (java.nio.file.NoSuchFileException e) {
            return false;
        }
    }

    @Test
    void outputIsCappedAtOneMebibyte() {
        CommandRun run = host(true).run("head -c 3000000 /dev/zero");
        assertEquals(1 << 20, run.output().length());
        assertTrue(run.error().contains("truncated"));
    }

    @Test
    void refusedCommandsDoNotRun() {
        CommandRun run = host(false).run("id");
        assertFalse(run.ran());
        assertEquals("not run: commands from the server are disabled on this host", run.error());
    }

    @Test
    void serverPoliciesRunCommandsOnlyWhenAllowed() {
        FakePlatform platform = FakePlatform.linux().root(dir);
        assertFalse(LocalHost.forPolicy(platform, PolicyOrigin.SERVER, false).commandsAllowed());
        assertTrue(LocalHost.forPolicy(platform, PolicyOrigin.SERVER, true).commandsAllowed());
        assertTrue(LocalHost.forPolicy(platform, PolicyOrigin.LOCAL_FILE, false).commandsAllowed());
        assertTrue(LocalHost.forPolicy(platform, PolicyOrigin.BUILTIN, false).commandsAllowed());
    }

    @Test
    void filesAreReadOnceAndSplitLikeGetline() throws IOException {
        Path file = dir.resolve("f");
        Files.writeString(file, "a\n\nb\n");
        LocalHost host = host(true);
        FileRead first = host.readFile(file);
        Files.writeString(file, "changed\n");
        assertEquals(List.of("a", "", "b"), first.lines());
        assertEquals(first, host.readFile(file));
        assertEquals(List.of(), LocalHost.lines(""));
        assertEquals(List.of(""), LocalHost.lines("\n"));
    }

    @Test
    void unreadableAndMissingFilesSaySo() throws IOException {
        assertFalse(host(true).readFile(dir.resolve("missing")).exists());
        Path secret = dir.resolve("secret");
        Files.writeString(secret, "x");
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("---------"));
        FileRead read = host(true).readFile(secret);
        if (!"root".equals(System.getProperty("user.name"))) {
            assertFalse(read.readable());
            assertEquals("permission denied", read.error());
        } else {
            assertTrue(read.readable(), "root reads every file");
        }
        assertFalse(host(true).readFile(dir).readable());
    }
}
