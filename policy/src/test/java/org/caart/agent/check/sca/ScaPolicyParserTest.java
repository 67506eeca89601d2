package org.caart.agent.check.sca;

import org.caart.agent.platform.common.FakePlatform;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import org.caart.agent.check.FakeHost;
import org.caart.agent.check.Policy;
import org.caart.agent.check.PolicyException;
import org.caart.agent.check.PolicyOrigin;
import org.caart.agent.check.Scanner;
import org.caart.contract.agent.v1.CheckResultView;
import org.caart.contract.agent.v1.CheckStatus;
import org.caart.contract.agent.v1.ScanReportView;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScaPolicyParserTest {

    @TempDir
    Path root;

    private FakeHost host;

    @BeforeEach
    void fixtures() throws IOException {
        Files.createDirectories(root.resolve("etc"));
        Files.writeString(root.resolve("etc/debian_version"), "12x4\n");
        host = new FakeHost(FakePlatform.linux().root(root));
    }

    @Test
    void shapeDecidesTheFormatAndTheRegexDialect() {
        Policy v5 = Sca.parse(Sca.v5("all", "f:/etc/debian_version -> r:12\\."));
        Policy v4 = Sca.parse(Sca.v4("all", "f:/etc/debian_version -> r:12\\."));
        assertEquals("wazuh-sca-5", v5.format());
        assertEquals("wazuh-sca-4", v4.format());
        assertEquals(CheckStatus.FAILED, v5.checks().get(0).evaluate(host).status());
        assertEquals(CheckStatus.PASSED, v4.checks().get(0).evaluate(host).status());
    }

    @Test
    void regexTypeOverridesTheDefaultDialect() {
        String yaml = Sca.v4("all", "f:/etc/debian_version -> r:12\\.").replace("  name: \"Test policy 4.x\"",
                "  name: \"Test policy 4.x\"\n  regex_type: pcre2");
        assertEquals(CheckStatus.FAILED, Sca.parse(yaml).checks().get(0).evaluate(host).status());
    }

    @Test
    void titleAndListComplianceBecomeTheCheckInfo() {
        var info = Sca.parse(Sca.v4("all", "f:/etc/debian_version")).checks().get(0).info();
        assertEquals("1", info.id());
        assertEquals("Check one", info.title());
        assertTrue(info.references().contains("cis: 1.1"), info.references().toString());
    }

    @Test
    void variablesAreSubstitutedInRules() {
        String yaml = Sca.v5("all", "f:$version_file -> r:^12").replace("checks:",
                "variables:\n  $version_file: /etc/debian_version\nchecks:");
        assertEquals(CheckStatus.PASSED, Sca.parse(yaml).checks().get(0).evaluate(host).status());
    }

    @Test
    void unmetRequirementsMakeEveryCheckNotApplicable() {
        String yaml = Sca.v5("all", "f:/etc/debian_version").replace("checks:", """
                requirements:
                  name: "Check Debian version."
                  condition: all
                  rules:
                    - 'f:/etc/debian_version -> r:^11'
                checks:""");
        ScanReportView report = new Scanner(Clock.systemUTC(), 2).scan(Sca.parse(yaml), host);
        CheckResultView result = report.results().get(0);
        assertEquals(CheckStatus.NOT_APPLICABLE, result.status());
        assertEquals("requirements not met: Check Debian version.", result.reason());
    }

    @Test
    void metRequirementsLetTheChecksRun() {
        String yaml = Sca.v5("all", "f:/etc/debian_version").replace("checks:", """
                requirements:
                  name: "Check Debian version."
                  condition: any
                  rules:
                    - 'f:/etc/debian_version -> r:^12'
                checks:""");
        ScanReportView report = new Scanner(Clock.systemUTC(), 2).scan(Sca.parse(yaml), host);
        assertEquals(CheckStatus.PASSED, report.results().get(0).status());
    }

    @Test
    void unknownRuleTypesAndUntranslatableRegexesAreListedAsUnsupported() {
        Policy policy = Sca.parse(Sca.v4("any", "x:/something", "f:/etc/debian_version -> r:ab+",
                "f:/etc/debian_version"));
        assertEquals(2, policy.unsupported().size());
        assertTrue(policy.unsupported().get(1).reason().contains("OS_Regex"), policy.unsupported().get(1).reason());
        assertEquals(CheckStatus.PASSED, policy.checks().get(0).evaluate(host).status());
    }

    @Test
    void serverPoliciesAreParsedWithTheirOrigin() throws PolicyException {
        Policy policy = new ScaPolicyParser().parse("srv", Sca.v5("all", "c:id"), PolicyOrigin.SERVER);
        assertEquals(PolicyOrigin.SERVER, policy.origin());
    }

    @Test
    void checksWithACommandRuleSayTheyRunCommands() {
        assertTrue(Sca.parse(Sca.v5("any", "f:/etc/debian_version", "c:id -> r:root")).checks().get(0).runsCommands());
        assertFalse(Sca.parse(Sca.v5("all", "f:/etc/debian_version")).checks().get(0).runsCommands());
    }

    @Test
    void acceptsOnlySca() {
        assertTrue(new ScaPolicyParser().accepts("x.yml", Sca.v5("all", "f:/x")));
        assertFalse(new ScaPolicyParser().accepts("x.yml", "caart-policy: 1\nchecks: []\n"));
    }

    @Test
    void brokenPoliciesNameTheFile() {
        PolicyException missingId = assertThrows(PolicyException.class,
                () -> new ScaPolicyParser().parse("bad.yml", "policy:\n  name: x\nchecks: []\n", PolicyOrigin.LOCAL_FILE));
        assertTrue(missingId.getMessage().startsWith("bad.yml"));
        assertThrows(PolicyException.class,
                () -> new ScaPolicyParser().parse("bad.yml", "policy: [\nchecks", PolicyOrigin.LOCAL_FILE));
    }

    @Test
    void aRuleThatYamlReadsAsAMappingRefusesThePolicyWithItsLine() {
        String flow = """
                policy:
                  id: "map"
                  name: "Mapping rule"
                checks:
                  - id: 1
                    name: "Key is yes"
                    condition: all
                    rules: ['f:/a', f:/a -> r:^Key: yes]
                """;
        PolicyException inFlow = assertThrows(PolicyException.class,
                () -> new ScaPolicyParser().parse("map.yml", flow, PolicyOrigin.LOCAL_FILE));
        assertTrue(inFlow.getMessage().startsWith("map.yml: line 8: check 1: rule #2"), inFlow.getMessage());
        assertTrue(inFlow.getMessage().contains("quote"), inFlow.getMessage());
        String block = flow.replace("    rules: ['f:/a', f:/a -> r:^Key: yes]\n",
                "    rules:\n      - 'f:/a'\n      - f:/a -> r:^Key: yes\n");
        PolicyException inBlock = assertThrows(PolicyException.class,
                () -> new ScaPolicyParser().parse("map.yml", block, PolicyOrigin.LOCAL_FILE));
        assertTrue(inBlock.getMessage().startsWith("map.yml: line 10: check 1: rule #2"), inBlock.getMessage());
        String requirements = Sca.v5("all", "f:/etc/debian_version").replace("checks:", """
                requirements:
                  name: "Debian"
                  condition: all
                  rules:
                    - f:/etc/debian_version -> r:^Version: 12
                checks:""");
        PolicyException inRequirements = assertThrows(PolicyException.class,
                () -> new ScaPolicyParser().parse("req.yml", requirements, PolicyOrigin.LOCAL_FILE));
        assertTrue(inRequirements.getMessage().startsWith("req.yml: line 8: requirements: rule #1"),
                inRequirements.getMessage());
    }
}
