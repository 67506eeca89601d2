package org.caart.agent.platform.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

class PatchLogParsersTest {

    @Test
    void aptHistoryTakesTheNewestRunThatInstalledOrUpgraded() {
        assertEquals(LocalDate.of(2025, 11, 10),
                AptHistoryParser.newest(Fixtures.lines("patch/apt-history.log").stream()).orElseThrow());
    }

    @Test
    void aptHistoryCountsAnInterruptedRunWithItsStartDate() {
        assertEquals(LocalDate.of(2025, 9, 3),
                AptHistoryParser.newest(Fixtures.lines("patch/apt-history-interrupted.log").stream()).orElseThrow());
    }

    @Test
    void aptHistoryWithOnlyRemovalsHasNoPatchDate() {
        assertTrue(AptHistoryParser.newest(Stream.of("Start-Date: 2025-01-01  10:00:00", "Remove: x:amd64 (1)",
                "End-Date: 2025-01-01  10:00:01")).isEmpty());
        assertTrue(AptHistoryParser.newest(Stream.empty()).isEmpty());
    }

    @Test
    void aptHistoryIgnoresAMalformedDate() {
        assertTrue(AptHistoryParser.newest(Stream.of("Start-Date: yesterday", "Upgrade: x:amd64 (1, 2)",
                "End-Date: soon")).isEmpty());
    }

    @Test
    void dpkgLogTakesTheNewestInstalledOrUpgradedLine() {
        assertEquals(LocalDate.of(2025, 11, 12),
                DpkgLogParser.newest(Fixtures.lines("patch/dpkg.log").stream()).orElseThrow());
    }

    @Test
    void dpkgLogIgnoresRemovalsAndOtherStates() {
        assertTrue(DpkgLogParser.newest(Stream.of("2025-11-20 07:00:00 remove telnet:amd64 1 <none>",
                "2025-11-21 07:00:00 status config-files telnet:amd64 1", "garbage", "")).isEmpty());
    }

    @Test
    void rpmLastReadsTheDayFirstFormat() {
        assertEquals(LocalDate.of(2025, 11, 10),
                RpmLastParser.newest(Fixtures.lines("patch/rpm-last.txt").stream()).orElseThrow());
    }

    @Test
    void rpmLastReadsTheCLocaleFormat() {
        assertEquals(LocalDate.of(2025, 11, 13),
                RpmLastParser.newest(Fixtures.lines("patch/rpm-last-ctime.txt").stream()).orElseThrow());
    }

    @Test
    void rpmLastTakesTheNewestWhateverTheLineOrder() {
        assertEquals(LocalDate.of(2025, 11, 10), RpmLastParser.newest(Stream.of(
                "old-1-1.noarch   Tue 03 Jun 2025 11:02:40 AM UTC",
                "new-1-1.noarch   Mon 10 Nov 2025 09:12:33 AM UTC")).orElseThrow());
    }

    @Test
    void rpmDatesInOtherShapes() {
        assertEquals(LocalDate.of(2025, 11, 10), RpmLastParser.date("Mon 10 Nov 2025 09:12:33 CET"));
        assertEquals(LocalDate.of(2025, 1, 4), RpmLastParser.date("Sat Jan  4 18:30:01 UTC 2025"));
        assertNull(RpmLastParser.date("Mon 10 Foo 2025 09:12:33 AM UTC"));
        assertNull(RpmLastParser.date("(not a date)"));
    }
}
