package org.caart.agent.check.caart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.caart.agent.check.Check;
import org.caart.agent.check.FakeHost;
import org.caart.agent.check.Outcome;
import org.caart.agent.check.Policy;
import org.caart.agent.check.PolicyException;
import org.caart.agent.check.PolicyOrigin;
import org.caart.agent.platform.common.AuditSetting;
import org.caart.agent.platform.common.FakePlatform;
import org.caart.agent.platform.common.RegistryValue;
import org.caart.agent.platform.common.SecurityPolicy;
import org.caart.contract.agent.v1.CheckStatus;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Every check of the built-in Windows baseline on fake Windows hosts: compliant, non-compliant and edges each
 * (windows-baseline-cases.yml), read through the same registry logic the real platform uses for services and firewall
 * profiles.
 */
class WindowsBaselineFixturesTest {

    private static final String POLICY = "/org/caart/agent/policies/caart-windows-baseline.yml";
    private static final String CASES = "/org/caart/agent/policies/windows-baseline-cases.yml";
    private static final String FIREWALL_POLICY = "HKLM\\SOFTWARE\\Policies\\Microsoft\\WindowsFirewall\\";
    private static final String FIREWALL_LOCAL =
            "HKLM\\SYSTEM\\CurrentControlSet\\Services\\SharedAccess\\Parameters\\FirewallPolicy\\";
    /** The local key names of the firewall profiles, as Windows spells them (the private profile is "Standard"). */
    private static final Map<String, String> LOCAL_PROFILE_KEYS = Map.of("domain", "DomainProfile", "private",
            "StandardProfile", "public", "PublicProfile");
    /** The advanced audit subcategories the baseline uses, by GUID, as Microsoft documents them (auditpol /list). */
    private static final Map<String, String> AUDIT_SUBCATEGORIES = Map.ofEntries(
            Map.entry("0CCE9210-69AE-11D9-BED3-505054503030", "Security State Change"),
            Map.entry("0CCE9211-69AE-11D9-BED3-505054503030", "Security System Extension"),
            Map.entry("0CCE9212-69AE-11D9-BED3-505054503030", "System Integrity"),
            Map.entry("0CCE9213-69AE-11D9-BED3-505054503030", "IPsec Driver"),
            Map.entry("0CCE9214-69AE-11D9-BED3-505054503030", "Other System Events"),
            Map.entry("0CCE9215-69AE-11D9-BED3-505054503030", "Logon"),
            Map.entry("0CCE9216-69AE-11D9-BED3-505054503030", "Logoff"),
            Map.entry("0CCE9217-69AE-11D9-BED3-505054503030", "Account Lockout"),
            Map.entry("0CCE921B-69AE-11D9-BED3-505054503030", "Special Logon"),
            Map.entry("0CCE921C-69AE-11D9-BED3-505054503030", "Other Logon/Logoff Events"),
            Map.entry("0CCE9224-69AE-11D9-BED3-505054503030", "File Share"),
            Map.entry("0CCE9227-69AE-11D9-BED3-505054503030", "Other Object Access Events"),
            Map.entry("0CCE9228-69AE-11D9-BED3-505054503030", "Sensitive Privilege Use"),
            Map.entry("0CCE922B-69AE-11D9-BED3-505054503030", "Process Creation"),
            Map.entry("0CCE922F-69AE-11D9-BED3-505054503030", "Audit Policy Change"),
            Map.entry("0CCE9230-69AE-11D9-BED3-505054503030", "Authentication Policy Change"),
            Map.entry("0CCE9231-69AE-11D9-BED3-505054503030", "Authorization Policy Change"),
            Map.entry("0CCE9232-69AE-11D9-BED3-505054503030", "MPSSVC Rule-Level Policy Change"),
            Map.entry("0CCE9234-69AE-11D9-BED3-505054503030", "Other Policy Change Events"),
            Map.entry("0CCE9235-69AE-11D9-BED3-505054503030", "User Account Management"),
            Map.entry("0CCE9237-69AE-11D9-BED3-505054503030", "Security Group Management"),
            Map.entry("0CCE9239-69AE-11D9-BED3-505054503030", "Application Group Management"),
            Map.entry("0CCE923F-69AE-11D9-BED3-505054503030", "Credential Validation"),
            Map.entry("0CCE9244-69AE-11D9-BED3-505054503030", "Detailed File Share"),
            Map.entry("0CCE9245-69AE-11D9-BED3-505054503030", "Removable Storage"),
            Map.entry("0CCE9248-69AE-11D9-BED3-505054503030", "Plug and Play Events"),
            Map.entry("0CCE9249-69AE-11D9-BED3-505054503030", "Group Membership"));

    private static String resource(String name) throws IOException {
        try (InputStream in = WindowsBaselineFixturesTest.class.getResourceAsStream(name)) {
            assertNotNull(in, name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Policy policy() throws IOException, PolicyException {
        return new CaartPolicyParser().parse("caart-windows-baseline.yml", resource(POLICY), PolicyOrigin.BUILTIN);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> specs() throws IOException {
        Map<String, Object> policy = new Yaml(new SafeConstructor(new LoaderOptions())).load(resource(POLICY));
        Map<String, Map<String, Object>> specs = new HashMap<>();
        for (Object check : (List<Object>) policy.get("checks")) {
            Map<String, Object> node = (Map<String, Object>) check;
            specs.put((String) node.get("id"), (Map<String, Object>) node.get("check"));
        }
        return specs;
    }

    private static Map<String, List<List<Object>>> cases() throws IOException {
        return new Yaml(new SafeConstructor(new LoaderOptions())).load(resource(CASES));
    }

    @Test
    void everyCheckHasACompliantANonCompliantAndAnEdgeCase() throws Exception {
        Map<String, List<List<Object>>> cases = cases();
        List<Check> checks = policy().checks();
        assertEquals(156, checks.size(), "checks in the Windows baseline");
        for (Check check : checks) {
            List<List<Object>> mine = cases.get(check.info().id());
            assertNotNull(mine, "no fixture cases for " + check.info().id());
            assertTrue(mine.size() >= 3, check.info().id() + " has " + mine.size() + " cases");
            assertEquals("PASSED", mine.get(0).get(0), check.info().id() + ": the first case is the compliant host");
            assertEquals("FAILED", mine.get(1).get(0), check.info().id() + ": the second case is the non-compliant"
                    + " host");
        }
        assertEquals(checks.size(), cases.size(), "cases for checks that do not exist");
    }

    @TestFactory
    Stream<DynamicTest> everyCaseGivesItsStatus() throws Exception {
        Map<String, Map<String, Object>> specs = specs();
        Map<String, List<List<Object>>> cases = cases();
        List<DynamicTest> tests = new ArrayList<>();
        for (Check check : policy().checks()) {
            String id = check.info().id();
            Map<String, Object> spec = specs.get(id);
            List<List<Object>> mine = cases.getOrDefault(id, List.of());
            for (int i = 0; i < mine.size(); i++) {
                List<Object> testCase = mine.get(i);
                int number = i + 1;
                tests.add(DynamicTest.dynamicTest(id + " #" + number + " " + testCase.get(0), () -> {
                    Outcome outcome = check.evaluate(new FakeHost(host(spec, testCase.get(1))));
                    assertEquals(CheckStatus.valueOf((String) testCase.get(0)), outcome.status(),
                            () -> id + " case " + number + " " + testCase.get(1) + ": " + outcome.reason()
                                    + " / expected " + outcome.expected() + " / observed " + outcome.observed());
                    assertNotNull(outcome.expected(), id);
                    assertNotNull(outcome.observed(), id);
                }));
            }
        }
        return tests.stream();
    }

    @Test
    void auditChecksNameTheSubcategoryTheirGuidStandsFor() throws Exception {
        int audits = 0;
        for (Map<String, Object> spec : specs().values()) {
            if ("audit-policy".equals(spec.get("type"))) {
                audits++;
                String guid = ((String) spec.get("guid")).toUpperCase(Locale.ROOT);
                assertEquals(AUDIT_SUBCATEGORIES.get(guid), spec.get("subcategory"), guid);
            }
        }
        assertEquals(27, audits);
    }

    @Test
    void everyRegistryCheckNamesTheTypeWindowsReads() throws Exception {
        for (Map.Entry<String, Map<String, Object>> spec : specs().entrySet()) {
            Object type = spec.getValue().get("type");
            if ("firewall-profile".equals(type)) {
                assertEquals("REG_DWORD", spec.getValue().get("value-type"), spec.getKey());
            }
            if ("registry-value".equals(type)) {
                String expected = "AutoAdminLogon".equals(spec.getValue().get("name")) ? "REG_SZ" : "REG_DWORD";
                assertEquals(expected, spec.getValue().get("value-type"), spec.getKey());
            }
        }
    }

    @Test
    void everyRemediationSaysWhatToSetAndNoneIsATemplate() throws Exception {
        for (Check check : policy().checks()) {
            String remediation = check.info().remediation();
            assertTrue(remediation != null && remediation.length() > 20, check.info().id());
            assertTrue(!remediation.contains("as stated") && !remediation.startsWith("Set this "),
                    check.info().id() + ": " + remediation);
        }
    }

    /** Builds the Windows host a case describes, for a check of the given spec. */
    @SuppressWarnings("unchecked")
    private static FakePlatform host(Map<String, Object> spec, Object fixture) {
        FakePlatform host = FakePlatform.windows();
        String type = (String) spec.get("type");
        String value = fixture instanceof String text ? text : null;
        boolean absent = "-".equals(value);
        switch (type) {
            case "security-policy" -> host.securityPolicy(new SecurityPolicy(absent ? Map.of()
                    : Map.of((String) spec.get("setting"), value), Map.of(), Map.of(), Map.of()));
            case "user-right" -> {
                List<String> holders = (List<String>) fixture;
                host.securityPolicy(new SecurityPolicy(Map.of(), Map.of(), Map.of(), holders.isEmpty() ? Map.of()
                        : Map.of((String) spec.get("right"), holders)));
            }
            case "registry-value" -> {
                String key = (String) spec.get("key");
                host.registryKey(key);
                if (!absent) {
                    host.registryValue(key, (String) spec.get("name"), registryValue(value,
                            (String) spec.get("value-type")));
                }
            }
            case "audit-policy" -> {
                if (!absent) {
                    host.audit((String) spec.get("guid"), new AuditSetting(value.startsWith("Success"),
                            value.endsWith("Failure")));
                }
            }
            case "firewall-profile" -> firewall(host, spec, absent ? "" : value);
            case "service-start-type" -> {
                if (!absent) {
                    String key = "HKLM\\SYSTEM\\CurrentControlSet\\Services\\" + spec.get("service");
                    List<String> types = List.of("boot", "system", "automatic", "manual", "disabled");
                    boolean delayed = value.equals("automatic-delayed");
                    host.registryValue(key, "Start", RegistryValue.dword(delayed ? 2 : types.indexOf(value)));
                    host.registryValue(key, "DelayedAutostart", RegistryValue.dword(delayed ? 1 : 0));
                }
            }
            default -> throw new IllegalArgumentException("no fixture for check type " + type);
        }
        return host;
    }

    private static RegistryValue registryValue(String fixture, String checkType) {
        String type = checkType;
        String data = fixture;
        int colon = fixture.indexOf(':');
        if (colon > 0) {
            type = fixture.substring(0, colon).equals("sz") ? "REG_SZ" : "REG_DWORD";
            data = fixture.substring(colon + 1);
        }
        return "REG_SZ".equals(type) ? RegistryValue.string(data) : RegistryValue.dword(Long.parseLong(data));
    }

    /**
     * "policy:N local:M": DWORD N under the group policy key, M under the local profile key; either may be left out.
     * "policy:sz:N" writes a REG_SZ.
     */
    private static void firewall(FakePlatform host, Map<String, Object> spec, String fixture) {
        String profile = (String) spec.get("profile");
        String setting = (String) spec.get("setting");
        String subKey = setting.contains("\\") ? "\\" + setting.substring(0, setting.lastIndexOf('\\')) : "";
        String name = setting.substring(setting.lastIndexOf('\\') + 1);
        String policyKey = FIREWALL_POLICY + profile.substring(0, 1).toUpperCase(Locale.ROOT) + profile.substring(1)
                + "Profile" + subKey;
        String localKey = FIREWALL_LOCAL + LOCAL_PROFILE_KEYS.get(profile) + subKey;
        host.registryKey(policyKey).registryKey(localKey);
        for (String part : fixture.split(" ")) {
            if (part.isEmpty()) {
                continue;
            }
            String[] where = part.split(":");
            String data = where[where.length - 1];
            host.registryValue(where[0].equals("policy") ? policyKey : localKey, name, where.length == 3
                    ? RegistryValue.string(data) : RegistryValue.dword(Long.parseLong(data)));
        }
    }
}
