package org.caart.agent.check.sca;

import org.caart.agent.platform.common.FakePlatform;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;

import org.caart.agent.check.FakeHost;
import org.caart.agent.check.Policy;
import org.caart.agent.check.PolicyCatalog;
import org.caart.agent.check.Scanner;
import org.caart.agent.platform.common.OsFamily;
import org.caart.contract.agent.v1.CheckResultView;
import org.caart.contract.agent.v1.CheckStatus;
import org.caart.contract.agent.v1.ScanReportView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every Wazuh policy in the test resources (wazuh-sca/, GPLv2 test data) parses, and every check gets a status. */
class WazuhTestDataTest {

    @TempDir
    Path root;

    static List<Path> policies() throws IOException {
        Path folder = WazuhPolicies.folder();
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> yml = files.filter(f -> f.toString().endsWith(".yml")).sorted().toList();
            assertFalse(yml.isEmpty(), "no .yml policies in " + folder);
            return yml;
        }
    }

    @Test
    void everyPolicyParsesWithoutUnsupportedConstructs() throws Exception {
        for (Path file : policies()) {
            Policy policy = PolicyCatalog.read(file);
            assertEquals("wazuh-sca-5", policy.format(), file.toString());
            assertTrue(policy.checks().size() > 100, file + " has " + policy.checks().size() + " checks");
            assertEquals(List.of(), policy.unsupported(), file.toString());
        }
    }

    @Test
    void everyCheckEvaluatesOrSaysWhyNotOnAFakeHost() throws Exception {
        for (OsFamily family : List.of(OsFamily.LINUX, OsFamily.WINDOWS)) {
            for (Path file : policies()) {
                Policy policy = PolicyCatalog.read(file);
                FakeHost host = new FakeHost(FakePlatform.of(family).root(root));
                List<CheckResultView> all = Stream.concat(
                        policy.checks().stream().map(c -> resultOf(c.evaluate(host), c.info().id())),
                        new Scanner(Clock.systemUTC(), 2).scan(policy, host).results().stream()).toList();
                for (CheckResultView result : all) {
                    assertNotNull(result.status());
                    if (result.status() != CheckStatus.PASSED && result.status() != CheckStatus.FAILED) {
                        assertNotNull(result.reason(), file + " check " + result.checkId());
                        assertFalse(result.reason().isBlank(), file + " check " + result.checkId());
                    }
                }
            }
        }
    }

    @Test
    void windowsPoliciesOnLinuxAreNotApplicableBecauseOfTheirRequirements() throws Exception {
        for (Path file : policies()) {
            if (!file.getFileName().toString().contains("win")) {
                continue;
            }
            ScanReportView report = new Scanner(Clock.systemUTC(), 2).scan(PolicyCatalog.read(file),
                    new FakeHost(FakePlatform.linux().root(root)));
            assertEquals(report.results().size(), report.summary().notApplicable(), file.toString());
            assertTrue(report.results().get(0).reason().startsWith("requirements not met: "));
        }
    }

    private static CheckResultView resultOf(org.caart.agent.check.Outcome outcome, String id) {
        return new CheckResultView(id, id, outcome.status(), null, List.of(), outcome.reason(), outcome.expected(),
                outcome.observed(), null, null, null, 0);
    }
}
