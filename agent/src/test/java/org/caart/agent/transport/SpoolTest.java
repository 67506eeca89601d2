package org.caart.agent.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.caart.contract.agent.v1.ResultBatchView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

class SpoolTest {

    @TempDir
    Path state;

    private Path folder() {
        return state.resolve("spool");
    }

    static ResultBatchView batch(String runId, int sequence) {
        return new ResultBatchView("b-" + runId + "-" + sequence, runId, sequence, 3, List.of(), null, null);
    }

    private static List<Integer> drain(Spool spool) {
        List<Integer> sequences = new ArrayList<>();
        for (var entry = spool.oldest(); entry.isPresent(); entry = spool.oldest()) {
            sequences.add(entry.get().batch().sequence());
            spool.remove(entry.get());
        }
        return sequences;
    }

    @Test
    void batchesComeBackOldestFirst() throws IOException {
        Spool spool = new Spool(folder(), 100);
        for (int i = 0; i < 12; i++) {
            spool.add(batch("r1", i));
        }
        assertEquals(12, spool.size());
        assertEquals(batch("r1", 0), spool.oldest().orElseThrow().batch());
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11), drain(spool));
        assertTrue(spool.isEmpty());
    }

    @Test
    void aFullSpoolDropsTheOldestAndCountsIt() throws IOException {
        Spool spool = new Spool(folder(), 3);
        for (int i = 0; i < 5; i++) {
            spool.add(batch("r1", i));
        }
        assertEquals(3, spool.size());
        assertEquals(2, spool.dropped());
        assertEquals(List.of(2, 3, 4), drain(spool));
    }

    @Test
    void batchesAndTheDroppedCountSurviveARestart() throws IOException {
        Spool first = new Spool(folder(), 2);
        for (int i = 0; i < 3; i++) {
            first.add(batch("r1", i));
        }
        Spool second = new Spool(folder(), 2);
        assertEquals(2, second.size());
        assertEquals(1, second.dropped());
        second.add(batch("r1", 3));
        assertEquals(List.of(2, 3), drain(second));
    }

    @Test
    void resetDroppedForgetsOnlyWhatTheHeartbeatReported() throws IOException {
        Spool spool = new Spool(folder(), 1);
        for (int i = 0; i < 4; i++) {
            spool.add(batch("r1", i));
        }
        long reported = spool.dropped();
        spool.add(batch("r1", 4));
        spool.resetDropped(reported);
        assertEquals(1, spool.dropped());
        assertEquals(1, new Spool(folder(), 1).dropped());
    }

    @Test
    void anUnreadableBatchIsDroppedAndCounted() throws IOException {
        Spool spool = new Spool(folder(), 10);
        spool.add(batch("r1", 0));
        spool.add(batch("r1", 1));
        try (Stream<Path> files = Files.list(folder())) {
            Files.writeString(files.filter(f -> f.toString().endsWith(".json")).sorted().findFirst().orElseThrow(), "{oops");
        }
        assertEquals(1, spool.oldest().orElseThrow().batch().sequence());
        assertEquals(1, spool.dropped());
    }

    @Test
    void theRunIdsOfSpooledBatchesAreKnown() throws IOException {
        Spool spool = new Spool(folder(), 10);
        spool.add(batch("run-2", 0));
        spool.add(batch("run-1", 0));
        spool.add(batch("run/../odd", 0));
        assertEquals(Set.of("run-2", "run-1"), new Spool(folder(), 10).runIds());
        assertEquals(3, new Spool(folder(), 10).size());
    }

    @Test
    void leftoversOfAnInterruptedWriteAreCleanedAtStart() throws IOException {
        new Spool(folder(), 10).add(batch("r", 0));
        Files.writeString(folder().resolve(".0000000000000000001-r.json123.tmp"), "half");
        Spool spool = new Spool(folder(), 10);
        assertEquals(1, spool.size());
        try (Stream<Path> files = Files.list(folder())) {
            assertTrue(files.noneMatch(f -> f.toString().endsWith(".tmp")));
        }
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void spooledBatchesAreReadableByTheAgentsUserOnly() throws IOException {
        new Spool(folder(), 10).add(batch("r", 0));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(folder())));
        try (Stream<Path> files = Files.list(folder())) {
            for (Path file : files.toList()) {
                assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)), file.toString());
            }
        }
    }
}
