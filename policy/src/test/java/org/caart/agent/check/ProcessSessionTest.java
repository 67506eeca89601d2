package org.caart.agent.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessSessionTest {

    @TempDir
    Path proc;

    @Test
    void theSessionIsTheSixthFieldEvenWhenTheNameHoldsParentheses() {
        assertEquals(OptionalLong.of(4242), ProcessSession.sessionOf("4250 (sleep) S 1 4242 4242 0 -1 4194560 98"));
        assertEquals(OptionalLong.of(7), ProcessSession.sessionOf("9 (a) b (c)) R 1 8 7 0 -1"));
        assertEquals(OptionalLong.empty(), ProcessSession.sessionOf("garbage"));
        assertEquals(OptionalLong.empty(), ProcessSession.sessionOf("1 (x) S 1"));
    }

    @Test
    void membersAreTheProcessesOfTheSession() throws IOException {
        stat(100, "100 (sh) S 1 100 100 0");
        stat(101, "101 (sleep 1) S 1 100 100 0");
        stat(102, "102 (bash) S 1 102 55 0");
        Files.createDirectories(proc.resolve("self"));
        Files.createDirectories(proc.resolve("103"));
        assertEquals(List.of(100L, 101L), new ProcessSession(proc).members(100).stream().sorted().toList());
    }

    private void stat(long pid, String line) throws IOException {
        Files.createDirectories(proc.resolve(Long.toString(pid)));
        Files.writeString(proc.resolve(pid + "/stat"), line + "\n");
    }
}
