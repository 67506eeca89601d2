package org.caart.agent.check;

import org.caart.agent.platform.common.FakePlatform;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.caart.contract.agent.v1.CheckStatus;
import org.caart.contract.agent.v1.ScanReportView;
import org.junit.jupiter.api.Test;

class ScannerTest {

    private final Host host = new FakeHost(FakePlatform.linux().root(Path.of("/nonexistent")));
    private final Clock clock = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);

    private static Check check(String id, java.util.function.Function<Host, Outcome> body) {
        return new Check() {
            @Override
            public CheckInfo info() {
                return new CheckInfo(id, "check " + id, null, null, null, null, List.of());
            }

            @Override
            public Outcome evaluate(Host host) {
                return body.apply(host);
            }
        };
    }

    private static Policy policy(List<Check> checks) {
        return new Policy("p", "Policy", null, "caart-1", PolicyOrigin.LOCAL_FILE, checks, List.of(), h -> true, "");
    }

    @Test
    void resultsKeepThePolicyOrderWhateverTheTiming() {
        List<Check> checks = new ArrayList<>();
        IntStream.range(0, 40).forEach(i -> checks.add(check("c" + i, h -> {
            try {
                Thread.sleep((40 - i) % 7);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return i % 2 == 0 ? Outcome.passed("x", "y") : Outcome.failed("x", "z");
        })));
        ScanReportView report = new Scanner(clock, 4).scan(policy(checks), host);
        assertEquals(IntStream.range(0, 40).mapToObj(i -> "c" + i).toList(),
                report.results().stream().map(r -> r.checkId()).toList());
        assertEquals(20, report.summary().passed());
        assertEquals(20, report.summary().failed());
        assertEquals(50.0, report.summary().score());
    }

    @Test
    void aThrowingCheckBecomesAnErrorAndTheScanCarriesOn() {
        ScanReportView report = new Scanner(clock, 2).scan(policy(List.of(
                check("boom", h -> {
                    throw new IllegalStateException("broken");
                }),
                check("ok", h -> Outcome.passed("e", "o")))), host);
        assertEquals(CheckStatus.ERROR, report.results().get(0).status());
        assertTrue(report.results().get(0).reason().contains("broken"));
        assertEquals(CheckStatus.PASSED, report.results().get(1).status());
    }

    @Test
    void reportCarriesHostPolicyTimesAndEvidence() {
        ScanReportView report = new Scanner(clock, 1).scan(policy(List.of(check("a", h -> Outcome.failed("want", "got")))), host);
        assertEquals("p", report.policyId());
        assertEquals("fake-host", report.hostname());
        assertEquals(clock.instant(), report.startedAt().toInstant());
        assertEquals("want", report.results().get(0).expected());
        assertEquals("got", report.results().get(0).observed());
    }

    @Test
    void unmetRequirementsSkipEveryCheck() {
        Policy policy = new Policy("p", "Policy", null, "caart-1", PolicyOrigin.LOCAL_FILE,
                List.of(check("a", h -> Outcome.passed("", ""))), List.of(), h -> false, "a Windows host");
        ScanReportView report = new Scanner(clock, 2).scan(policy, host);
        assertEquals(CheckStatus.NOT_APPLICABLE, report.results().get(0).status());
        assertEquals("requirements not met: a Windows host", report.results().get(0).reason());
        assertEquals(0.0, report.summary().score());
    }

    @Test
    void streamingHandsOverEachResultInOrderAndStopsBeforeTheNextCheck() {
        List<String> seen = new ArrayList<>();
        List<Check> checks = IntStream.range(0, 5).mapToObj(i -> check("c" + i, h -> Outcome.passed("", ""))).toList();
        int done = new Scanner(clock, 4).stream(policy(checks), host, () -> seen.size() == 3, r -> seen.add(r.checkId()));
        assertEquals(3, done);
        assertEquals(List.of("c0", "c1", "c2"), seen);
    }

    @Test
    void streamingAPolicyThatDoesNotApplyGivesNotApplicableResults() {
        Policy policy = new Policy("p", "Policy", null, "caart-1", PolicyOrigin.LOCAL_FILE,
                List.of(check("a", h -> Outcome.passed("", "")), check("b", h -> Outcome.passed("", ""))), List.of(),
                h -> false, "a Windows host");
        List<CheckStatus> statuses = new ArrayList<>();
        assertEquals(2, new Scanner(clock, 1).stream(policy, host, () -> false, r -> statuses.add(r.status())));
        assertEquals(List.of(CheckStatus.NOT_APPLICABLE, CheckStatus.NOT_APPLICABLE), statuses);
    }
}
