package org.caart.agent.check.caart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.caart.agent.check.Check;
import org.caart.agent.check.FakeHost;
import org.caart.agent.check.Outcome;
import org.caart.agent.check.Policy;
import org.caart.agent.check.PolicyException;
import org.caart.agent.check.PolicyOrigin;
import org.caart.agent.platform.common.FakePlatform;
import org.caart.agent.platform.common.SshdConfig;
import org.caart.contract.agent.v1.CheckStatus;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Every check of the built-in Debian baseline on fixture hosts: compliant, non-compliant and an edge each
 * (debian-baseline-cases.yml), and every file-mode remediation command really brings a file to a passing mode.
 */
class DebianBaselineFixturesTest {

    private static final String POLICY = "/org/caart/agent/policies/caart-debian-baseline.yml";
    private static final String CASES = "/org/caart/agent/policies/debian-baseline-cases.yml";

    @TempDir
    Path roots;

    private static String resource(String name) throws IOException {
        try (InputStream in = DebianBaselineFixturesTest.class.getResourceAsStream(name)) {
            assertNotNull(in, name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Policy policy() throws IOException, PolicyException {
        return new CaartPolicyParser().parse("caart-debian-baseline.yml", resource(POLICY), PolicyOrigin.BUILTIN);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> specs() throws IOException {
        Map<String, Object> policy = new Yaml(new SafeConstructor(new LoaderOptions())).load(resource(POLICY));
        Map<String, Object> specs = new java.util.HashMap<>();
        for (Object check : (List<Object>) policy.get("checks")) {
            Map<String, Object> node = (Map<String, Object>) check;
            specs.put((String) node.get("id"), node.get("check"));
        }
        return specs;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, List<List<Object>>> cases() throws IOException {
        return new Yaml(new SafeConstructor(new LoaderOptions())).load(resource(CASES));
    }

    @Test
    void everyCheckHasACompliantANonCompliantAndAnEdgeCase() throws Exception {
        Map<String, List<List<Object>>> cases = cases();
        for (Check check : policy().checks()) {
            List<List<Object>> mine = cases.get(check.info().id());
            assertNotNull(mine, "no fixture cases for " + check.info().id());
            assertTrue(mine.size() >= 3, check.info().id() + " has " + mine.size() + " cases");
            assertEquals("PASSED", mine.get(0).get(0), check.info().id() + ": the first case is the compliant host");
            assertEquals("FAILED", mine.get(1).get(0), check.info().id() + ": the second case is the non-compliant"
                    + " host");
        }
        assertEquals(policy().checks().size(), cases.size(), "cases for checks that do not exist");
    }

    @TestFactory
    Stream<DynamicTest> everyCaseGivesItsStatus() throws Exception {
        Map<String, Object> specs = specs();
        Map<String, List<List<Object>>> cases = cases();
        List<DynamicTest> tests = new ArrayList<>();
        for (Check check : policy().checks()) {
            String id = check.info().id();
            @SuppressWarnings("unchecked")
            Map<String, Object> spec = (Map<String, Object>) specs.get(id);
            List<List<Object>> mine = cases.getOrDefault(id, List.of());
            for (int i = 0; i < mine.size(); i++) {
                List<Object> testCase = mine.get(i);
                int number = i + 1;
                tests.add(DynamicTest.dynamicTest(id + " #" + number + " " + testCase.get(0), () -> {
                    Path root = Files.createDirectories(roots.resolve(id + "-" + number));
                    Outcome outcome = check.evaluate(new FakeHost(host(spec, testCase.get(1), root)));
                    assertEquals(CheckStatus.valueOf((String) testCase.get(0)), outcome.status(),
                            () -> id + " case " + number + " " + testCase.get(1) + ": " + outcome.reason()
                                    + " / observed " + outcome.observed());
                }));
            }
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> fileModeRemediationsMakeTheWorstModePass() throws Exception {
        Map<String, Object> specs = specs();
        Pattern chmod = Pattern.compile("'chmod ([ugo]+-[rwx]+(?:,[ugo]+-[rwx]+)*) (\\S+)'");
        Pattern chown = Pattern.compile("'chown (\\w+):(\\w+) (\\S+)'");
        List<DynamicTest> tests = new ArrayList<>();
        for (Check check : policy().checks()) {
            @SuppressWarnings("unchecked")
            Map<String, Object> spec = (Map<String, Object>) specs.get(check.info().id());
            if (!"file-mode".equals(spec.get("type"))) {
                continue;
            }
            tests.add(DynamicTest.dynamicTest(check.info().id(), () -> {
                String remediation = check.info().remediation();
                Matcher mode = chmod.matcher(remediation);
                Matcher owner = chown.matcher(remediation);
                assertTrue(mode.find() && owner.find(), remediation);
                String path = (String) spec.get("path");
                assertEquals(path, mode.group(2));
                assertEquals(path, owner.group(3));
                int after = SymbolicMode.apply(mode.group(1), 0777);
                FakePlatform host = FakePlatform.linux().file(path, after, owner.group(1), owner.group(2));
                Outcome outcome = check.evaluate(new FakeHost(host));
                assertEquals(CheckStatus.PASSED, outcome.status(), remediation + " -> " + outcome.observed());
                int maxMode = Integer.parseInt((String) spec.get("max-mode"), 8);
                assertEquals(maxMode, after & 0777, "the remediation removes more than the check asks: "
                        + remediation);
            }));
        }
        assertTrue(tests.size() >= 20, "file-mode checks: " + tests.size());
        return tests.stream();
    }

    /** Builds the host a case describes, for a check of the given spec. */
    @SuppressWarnings("unchecked")
    private static FakePlatform host(Map<String, Object> spec, Object fixture, Path root) throws IOException {
        FakePlatform host = FakePlatform.linux().root(root);
        String type = (String) spec.get("type");
        String value = fixture instanceof String text ? text : null;
        boolean absent = "-".equals(value);
        switch (type) {
            case "sysctl" -> {
                if (!absent) {
                    host.sysctl((String) spec.get("key"), value);
                }
            }
            case "sshd-setting" -> host.sshd(new SshdConfig("sshd -T", true, absent ? Map.of()
                    : Map.of(((String) spec.get("keyword")).toLowerCase(java.util.Locale.ROOT), List.of(value))));
            case "file-mode" -> {
                if (!absent) {
                    String[] parts = value.split(" ");
                    host.file((String) spec.get("path"), Integer.parseInt(parts[0], 8), parts[1], parts[2]);
                }
            }
            case "package-installed", "package-absent" -> {
                String name = (String) spec.get("package");
                switch (value) {
                    case "installed" -> host.installed(name, "1.0-1");
                    case "other" -> host.installed(name + "-doc", "1.0-1");
                    case "absent" -> { }
                    default -> throw new IllegalArgumentException("package fixture " + value);
                }
            }
            case "mount-option" -> {
                if (!absent) {
                    host.mount("tmpfs", (String) spec.get("mount-point"), "tmpfs", value);
                }
                host.mount("/dev/sda1", "/", "ext4", "rw,relatime");
            }
            case "file-exists" -> {
                switch (value) {
                    case "yes" -> host.file((String) spec.get("path"), 0644, "root", "root");
                    case "unit-only" -> host.file("/lib/systemd/system/auditd.service", 0644, "root", "root");
                    case "no" -> { }
                    default -> throw new IllegalArgumentException("file-exists fixture " + value);
                }
            }
            case "file-content" -> {
                String path = ((String) spec.get("path")).replace("*", "50-caart");
                if (fixture instanceof Map<?, ?> files) {
                    for (Map.Entry<String, String> file : ((Map<String, String>) files).entrySet()) {
                        write(root, file.getKey(), file.getValue());
                    }
                } else if (!absent) {
                    write(root, path, value);
                }
            }
            default -> throw new IllegalArgumentException("no fixture for check type " + type);
        }
        return host;
    }

    private static void write(Path root, String hostPath, String text) throws IOException {
        Path file = root.resolve(hostPath.substring(1));
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
