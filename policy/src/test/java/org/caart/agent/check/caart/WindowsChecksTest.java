package org.caart.agent.check.caart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.caart.agent.check.Outcome;
import org.caart.agent.check.PolicyException;
import org.caart.agent.platform.common.AuditSetting;
import org.caart.agent.platform.common.FakePlatform;
import org.caart.agent.platform.common.RegistryValue;
import org.caart.agent.platform.common.SecurityPolicy;
import org.caart.contract.agent.v1.CheckStatus;
import org.junit.jupiter.api.Test;

/** Every Windows check type through the fake platform (the real adapter only runs on Windows). */
class WindowsChecksTest {

    private static final String LSA = "HKLM\\SYSTEM\\CurrentControlSet\\Control\\Lsa";
    private static final String LOGON = "0CCE9215-69AE-11D9-BED3-505054503030";

    private final FakePlatform windows = FakePlatform.windows()
            .registryValue(LSA, "LmCompatibilityLevel", RegistryValue.dword(5))
            .registryValue(LSA, "NoLMHash", RegistryValue.dword(0))
            .registryValue("HKLM\\SYSTEM\\CurrentControlSet\\Services\\Spooler", "Start", RegistryValue.dword(2))
            .registryValue("HKLM\\SOFTWARE\\Policies\\Microsoft\\WindowsFirewall\\PublicProfile", "EnableFirewall",
                    RegistryValue.dword(1))
            .registryValue("HKLM\\SYSTEM\\CurrentControlSet\\Services\\SharedAccess\\Parameters\\FirewallPolicy"
                    + "\\PublicProfile\\Logging", "LogFileSize", RegistryValue.dword(4096))
            .securityPolicy(new SecurityPolicy(Map.of("MinimumPasswordLength", "14", "LockoutBadCount", "0"), Map.of(),
                    Map.of(), Map.of("SeDebugPrivilege", List.of("S-1-5-32-544"),
                    "SeNetworkLogonRight", List.of("S-1-5-32-544", "S-1-1-0"))))
            .audit(LOGON, new AuditSetting(true, false));

    private Outcome run(String check) throws Exception {
        return Checks.evaluate(windows, check);
    }

    @Test
    void registryValuePassesAndFailsWithEvidence() throws Exception {
        Outcome pass = run("{type: registry-value, key: 'HKLM\\SYSTEM\\CurrentControlSet\\Control\\Lsa',"
                + " name: LmCompatibilityLevel, value: 5}");
        assertEquals(CheckStatus.PASSED, pass.status());
        assertEquals("5 (REG_DWORD)", pass.observed());
        assertTrue(pass.expected().endsWith("LmCompatibilityLevel eq 5"), pass.expected());
        Outcome fail = run("{type: registry-value, key: 'HKLM\\SYSTEM\\CurrentControlSet\\Control\\Lsa',"
                + " name: NoLMHash, value: 1}");
        assertEquals(CheckStatus.FAILED, fail.status());
    }

    @Test
    void aRegistryValueOfAnotherTypeThanWindowsReadsFails() throws Exception {
        windows.registryValue(LSA, "RestrictAnonymous", RegistryValue.string("1"));
        String check = "{type: registry-value, key: 'HKLM\\SYSTEM\\CurrentControlSet\\Control\\Lsa',"
                + " name: RestrictAnonymous, value: 1";
        assertEquals(CheckStatus.PASSED, run(check + "}").status());
        Outcome typed = run(check + ", value-type: REG_DWORD}");
        assertEquals(CheckStatus.FAILED, typed.status());
        assertEquals("1 (REG_SZ)", typed.observed());
        assertTrue(typed.reason().contains("ignores a REG_SZ value"), typed.reason());
        assertTrue(typed.expected().endsWith("[REG_DWORD]"), typed.expected());
        assertEquals(CheckStatus.PASSED, run("{type: registry-value, key: 'HKLM\\SYSTEM\\CurrentControlSet\\Control"
                + "\\Lsa', name: LmCompatibilityLevel, value-type: reg_dword, value: 5}").status());
        assertEquals(CheckStatus.PASSED, run("{type: registry-value, key: 'HKLM\\SOFTWARE\\Nothing', name: X,"
                + " value-type: REG_DWORD, value: 1, missing: pass}").status());
        PolicyException bad = assertThrows(PolicyException.class, () -> run("{type: registry-value, key: 'HKLM\\X',"
                + " name: X, value-type: DWORD, value: 1}"));
        assertTrue(bad.getMessage().contains("value-type"), bad.getMessage());
    }

    @Test
    void alsoPassAcceptsASentinelStricterThanAnyNumber() throws Exception {
        windows.securityPolicy(new SecurityPolicy(Map.of("LockoutDuration", "-1"), Map.of(), Map.of(), Map.of()));
        Outcome forever = run("{type: security-policy, setting: LockoutDuration, op: ge, value: 15, also-pass: [-1]}");
        assertEquals(CheckStatus.PASSED, forever.status());
        assertEquals("LockoutDuration ge 15 (or -1)", forever.expected());
        assertEquals(CheckStatus.FAILED, run("{type: security-policy, setting: LockoutDuration, op: ge, value: 15}")
                .status());
        assertThrows(PolicyException.class, () -> run("{type: security-policy, setting: X, op: present,"
                + " also-pass: [1]}"));
    }

    @Test
    void missingRegistryValueFollowsTheMissingRule() throws Exception {
        String base = "{type: registry-value, key: 'HKLM\\SOFTWARE\\Nothing', name: X, value: 1";
        assertEquals(CheckStatus.FAILED, run(base + "}").status());
        assertEquals("value not present", run(base + "}").observed());
        assertEquals(CheckStatus.PASSED, run(base + ", missing: pass}").status());
        assertEquals(CheckStatus.NOT_APPLICABLE, run(base + ", missing: not-applicable}").status());
        assertEquals(CheckStatus.PASSED, run("{type: registry-value, key: 'HKLM\\SOFTWARE\\Nothing', name: X,"
                + " op: absent}").status());
    }

    @Test
    void anUnreadableKeyIsAnErrorWithTheReason() throws Exception {
        windows.fakeRegistry().deny("HKLM\\SOFTWARE\\Secret");
        Outcome outcome = run("{type: registry-value, key: 'HKLM\\SOFTWARE\\Secret', name: X, value: 1}");
        assertEquals(CheckStatus.ERROR, outcome.status());
        assertTrue(outcome.reason().contains("access denied"));
        assertNotNull(outcome.expected());
    }

    @Test
    void securityPolicySettingsCompareNumerically() throws Exception {
        assertEquals(CheckStatus.PASSED, run("{type: security-policy, setting: MinimumPasswordLength, op: ge, value: 14}")
                .status());
        assertEquals(CheckStatus.FAILED, run("{type: security-policy, setting: LockoutBadCount, op: regex,"
                + " value: '^[1-5]$'}").status());
        assertEquals(CheckStatus.FAILED, run("{type: security-policy, setting: PasswordComplexity, value: 1}").status());
    }

    @Test
    void userRightsCompareSidSets() throws Exception {
        assertEquals(CheckStatus.PASSED, run("{type: user-right, right: SeDebugPrivilege, op: only,"
                + " accounts: [S-1-5-32-544]}").status());
        Outcome network = run("{type: user-right, right: SeNetworkLogonRight, op: only,"
                + " accounts: [S-1-5-32-544, S-1-5-11]}");
        assertEquals(CheckStatus.FAILED, network.status());
        assertEquals("held by [S-1-1-0, S-1-5-32-544]", network.observed());
        assertEquals(CheckStatus.PASSED, run("{type: user-right, right: SeTcbPrivilege, op: exactly, accounts: []}")
                .status());
        assertEquals(CheckStatus.PASSED, run("{type: user-right, right: SeNetworkLogonRight, op: includes,"
                + " accounts: ['*S-1-1-0']}").status());
        assertEquals(CheckStatus.FAILED, run("{type: user-right, right: SeNetworkLogonRight, op: excludes,"
                + " accounts: [s-1-1-0]}").status());
    }

    @Test
    void auditPolicyIsJudgedPerFlag() throws Exception {
        String check = "{type: audit-policy, subcategory: Logon, guid: '{" + LOGON + "}'";
        assertEquals(CheckStatus.PASSED, run(check + ", success: true}").status());
        Outcome both = run(check + ", success: true, failure: true}");
        assertEquals(CheckStatus.FAILED, both.status());
        assertEquals("Success", both.observed());
        assertEquals(CheckStatus.PASSED, run(check + ", failure: false}").status());
        assertEquals(CheckStatus.ERROR, run("{type: audit-policy, guid: 0CCE9999-69AE-11D9-BED3-505054503030,"
                + " success: true}").status());
    }

    @Test
    void serviceStartTypes() throws Exception {
        Outcome spooler = run("{type: service-start-type, service: Spooler, value: disabled}");
        assertEquals(CheckStatus.FAILED, spooler.status());
        assertEquals("automatic", spooler.observed());
        assertEquals(CheckStatus.PASSED, run("{type: service-start-type, service: mrxsmb10, value: disabled,"
                + " missing: pass}").status());
        assertEquals(CheckStatus.PASSED, run("{type: service-start-type, service: Spooler, op: in,"
                + " values: [automatic, automatic-delayed]}").status());
    }

    @Test
    void firewallSettingsNameTheirSource() throws Exception {
        Outcome on = run("{type: firewall-profile, profile: public, setting: EnableFirewall, value: 1}");
        assertEquals(CheckStatus.PASSED, on.status());
        assertTrue(on.observed().contains("Policies"), on.observed());
        Outcome size = run("{type: firewall-profile, profile: public, setting: 'Logging\\LogFileSize', op: ge,"
                + " value: 16384}");
        assertEquals(CheckStatus.FAILED, size.status());
        assertTrue(size.observed().startsWith("4096"));
        assertEquals(CheckStatus.FAILED, run("{type: firewall-profile, profile: domain, setting: EnableFirewall,"
                + " value: 1}").status());
    }

    @Test
    void windowsChecksAreNotApplicableOnLinux() throws Exception {
        Outcome outcome = Checks.evaluate(FakePlatform.linux(), "{type: security-policy, setting: X, value: 1}");
        assertEquals(CheckStatus.NOT_APPLICABLE, outcome.status());
        assertTrue(outcome.reason().contains("WINDOWS"));
        assertNotNull(outcome.expected());
        assertNotNull(outcome.observed());
    }

    @Test
    void aFailingSecurityPolicyExportIsAnError() throws Exception {
        windows.failing("securityPolicy", "secedit /export failed with exit code 1");
        Outcome outcome = run("{type: user-right, right: SeDebugPrivilege, op: exactly, accounts: []}");
        assertEquals(CheckStatus.ERROR, outcome.status());
        assertTrue(outcome.reason().contains("secedit"));
    }
}
