package org.caart.agent.check.caart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.caart.agent.check.LocalHost;
import org.caart.agent.check.Policy;
import org.caart.agent.check.PolicyException;
import org.caart.agent.check.PolicyOrigin;
import org.caart.agent.platform.common.FakePlatform;
import org.caart.contract.agent.v1.Severity;
import org.junit.jupiter.api.Test;

class CaartPolicyParserTest {

    private final CaartPolicyParser parser = new CaartPolicyParser();

    private static final String VALID = """
            caart-policy: 1
            id: sample
            name: Sample policy
            description: Two checks
            os: linux
            benchmark: none
            checks:
              - id: sample.forwarding
                title: No forwarding
                description: d
                rationale: r
                remediation: fix it
                severity: high
                references: ["CIS Debian 12 3.3.1"]
                check:
                  type: sysctl
                  key: net.ipv4.ip_forward
                  value: 0
              - id: sample.root
                title: No root login
                severity: low
                check: {type: sshd-setting, keyword: PermitRootLogin, value: no}
            """;

    @Test
    void parsesMetadataAndChecks() throws PolicyException {
        Policy policy = parser.parse("sample.yml", VALID, PolicyOrigin.BUILTIN);
        assertEquals("sample", policy.id());
        assertEquals("caart-1", policy.format());
        assertEquals(2, policy.checks().size());
        assertEquals(Severity.HIGH, policy.checks().get(0).info().severity());
        assertEquals("CIS Debian 12 3.3.1", policy.checks().get(0).info().references().get(0));
        assertEquals("fix it", policy.checks().get(0).info().remediation());
    }

    @Test
    void yamlBooleansLikeNoStayText() throws PolicyException {
        Policy policy = parser.parse("sample.yml", VALID, PolicyOrigin.BUILTIN);
        String expected = policy.checks().get(1).evaluate(new LocalHost(FakePlatform.linux(), false)).expected();
        assertEquals("sshd PermitRootLogin eq no", expected);
    }

    @Test
    void requirementsMatchTheOsFamily() throws PolicyException {
        Policy policy = parser.parse("sample.yml", VALID, PolicyOrigin.BUILTIN);
        assertTrue(policy.requirements().test(new LocalHost(FakePlatform.linux(), false)));
        assertFalse(policy.requirements().test(new LocalHost(FakePlatform.windows(), false)));
    }

    @Test
    void jsonIsAccepted() throws PolicyException {
        String json = """
                {"caart-policy": 1, "id": "j", "name": "J", "os": "windows", "checks": [
                  {"id": "j.1", "title": "t", "severity": "medium", "references": ["X 1"],
                   "check": {"type": "registry-value", "key": "HKLM\\\\SOFTWARE\\\\X", "name": "Y", "op": "ge", "value": 1}}]}
                """;
        assertTrue(parser.accepts("j.json", json));
        assertEquals(1, parser.parse("j.json", json, PolicyOrigin.LOCAL_FILE).checks().size());
    }

    @Test
    void acceptsOnlyCaartPolicies() {
        assertTrue(parser.accepts("x.yml", VALID));
        assertFalse(parser.accepts("cis.yml", "policy:\n  id: cis\nchecks: []\n"));
    }

    private String messageFor(String text) {
        return assertThrows(PolicyException.class, () -> parser.parse("bad.yml", text, PolicyOrigin.LOCAL_FILE))
                .getMessage();
    }

    @Test
    void errorsNameTheFileTheCheckAndTheField() {
        assertEquals("bad.yml: check 'sample.forwarding': field 'key' is required",
                messageFor(VALID.replace("      key: net.ipv4.ip_forward\n", "")));
        assertEquals("bad.yml: check 'sample.root': field 'severity' must be one of [INFO, LOW, MEDIUM, HIGH, CRITICAL],"
                + " not 'urgent'", messageFor(VALID.replace("severity: low", "severity: urgent")));
        assertTrue(messageFor(VALID.replace("type: sysctl", "type: sysctl2")).contains("'sysctl2' is not a check type"));
        assertTrue(messageFor(VALID.replace("value: 0", "value: 0\n      vaule: 1"))
                .contains("field 'vaule' is not a known field here"));
    }

    @Test
    void structuralErrorsAreReported() {
        assertTrue(messageFor(VALID.replace("sample.root", "sample.forwarding")).contains("used by more than one check"));
        assertTrue(messageFor(VALID.replace("caart-policy: 1", "caart-policy: 2")).contains("version 2"));
        assertTrue(messageFor(VALID.replace("os: linux", "os: windows")).contains("for LINUX hosts"));
        assertTrue(messageFor(VALID + "id: again\n").contains("not valid YAML"));
        assertTrue(messageFor("- just a list").contains("must be a YAML or JSON object"));
    }
}
