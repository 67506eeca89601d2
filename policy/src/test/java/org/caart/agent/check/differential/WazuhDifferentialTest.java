package org.caart.agent.check.differential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.caart.agent.check.Check;
import org.caart.agent.check.FakeHost;
import org.caart.agent.check.Outcome;
import org.caart.agent.check.Policy;
import org.caart.agent.check.PolicyCatalog;
import org.caart.agent.platform.common.FakePlatform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Differential test: every registry-free check (f:, d:, c:, p: rules) of the Wazuh policies in the test resources
 * is evaluated by the engine and by {@link ReferenceSca} on fixture hosts built to make it pass, to make it fail, and
 * on an empty host; every disagreement fails the build. The fixture of a check with N rules also flips each rule in
 * turn, so every rule's found / not-found outcome is compared, not only the first deciding one.
 */
class WazuhDifferentialTest {

    @TempDir
    Path roots;

    private int fixtures;

    private record Case(String policy, String id, String condition, List<String> rules, Check engine) {
    }

    @Test
    void theEngineAgreesWithTheReferenceOnEveryFixtureOfFiveXContent() throws Exception {
        compare(false);
    }

    /**
     * The same policies turned into Wazuh 4.x content (checks with {@code title}, no {@code compliance} object,
     * {@code regex_type: pcre2} so that the patterns stay PCRE2), judged with 4.x semantics. Checks with a {@code d:}
     * file name {@code r:REGEX} are left out: 4.x reads those as OS_Regex, which the reference does not implement.
     */
    @Test
    void theEngineAgreesWithTheReferenceOnEveryFixtureOfFourXContent() throws Exception {
        compare(true);
    }

    private void compare(boolean v4) throws Exception {
        ReferenceSca reference = new ReferenceSca(v4);
        List<String> disagreements = new ArrayList<>();
        int compared = 0;
        int passedSomewhere = 0;
        int failedSomewhere = 0;
        List<Case> cases = cases(v4);
        for (Case check : cases) {
            boolean passed = false;
            boolean failed = false;
            for (Map<String, Boolean> wanted : plans(check)) {
                Path root = Files.createDirectories(roots.resolve("f" + fixtures++));
                Fixtures builder = new Fixtures(root, v4);
                wanted.forEach(builder::want);
                ReferenceSca.Fixture host = builder.write();
                String expected = reference.check(check.condition(), check.rules(), host);
                Outcome actual = check.engine().evaluate(fakeHost(host));
                compared++;
                passed |= expected.equals("PASSED");
                failed |= expected.equals("FAILED");
                if (!expected.equals(actual.status().name())) {
                    disagreements.add(check.policy() + " check " + check.id() + " on " + wanted + ": reference "
                            + expected + ", engine " + actual.status() + " (" + actual.reason() + ")\n    "
                            + actual.observed().replace("\n", "\n    "));
                }
            }
            passedSomewhere += passed ? 1 : 0;
            failedSomewhere += failed ? 1 : 0;
        }
        System.out.printf("differential %s: %d checks, %d fixtures; the reference saw %d checks pass and %d fail%n",
                v4 ? "4.x" : "5.x", cases.size(), compared, passedSomewhere, failedSomewhere);
        assertEquals(List.of(), disagreements, disagreements.size() + " disagreements");
        assertTrue(cases.size() >= (v4 ? 140 : 150), "only " + cases.size() + " registry-free checks");
        assertTrue(passedSomewhere >= cases.size() * 8 / 10, "fixtures made only " + passedSomewhere + " of "
                + cases.size() + " checks pass");
        assertTrue(failedSomewhere >= cases.size() * 8 / 10, "fixtures made only " + failedSomewhere + " of "
                + cases.size() + " checks fail");
    }

    /**
     * The wanted un-negated outcome of each rule: the plan that passes the check, the one that fails it, every rule
     * flipped once from the passing plan, and nothing at all (an empty host).
     */
    private static List<Map<String, Boolean>> plans(Case check) {
        List<Map<String, Boolean>> plans = new ArrayList<>();
        plans.add(plan(check, true));
        plans.add(plan(check, false));
        Map<String, Boolean> passing = plan(check, true);
        for (String rule : check.rules()) {
            Map<String, Boolean> flipped = new java.util.LinkedHashMap<>(passing);
            flipped.put(rule, !passing.get(rule));
            plans.add(flipped);
        }
        plans.add(Map.of());
        return plans;
    }

    /** Rule by rule: should it hold (after its not) for the check to pass (or fail)? */
    private static Map<String, Boolean> plan(Case check, boolean pass) {
        Map<String, Boolean> plan = new java.util.LinkedHashMap<>();
        List<String> rules = check.rules();
        for (int i = 0; i < rules.size(); i++) {
            boolean holds = switch (check.condition()) {
                case "all" -> pass || i > 0;
                case "any" -> pass && i == 0;
                default -> !pass && i == 0;
            };
            boolean negated = rules.get(i).strip().startsWith("not ");
            plan.put(rules.get(i), holds != negated);
        }
        return plan;
    }

    private static FakeHost fakeHost(ReferenceSca.Fixture fixture) {
        FakePlatform platform = FakePlatform.linux().root(fixture.root());
        long pid = 100;
        for (String process : fixture.processes()) {
            platform.process(pid++, process, "/usr/sbin/" + process);
        }
        FakeHost host = new FakeHost(platform);
        fixture.outputs().forEach((command, output) -> host.output(command, 0, output));
        return host;
    }

    @SuppressWarnings("unchecked")
    private static List<Case> cases(boolean v4) throws IOException, org.caart.agent.check.PolicyException {
        List<Case> cases = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> list = Files.list(org.caart.agent.check.sca.WazuhPolicies.folder())) {
            files = list.filter(f -> f.toString().endsWith(".yml")).sorted().toList();
        }
        assertFalse(files.isEmpty());
        for (Path file : files) {
            Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
            Map<String, Object> root = yaml.load(Files.readString(file));
            Policy policy;
            if (v4) {
                toFourX(root);
                policy = new org.caart.agent.check.sca.ScaPolicyParser().parse(file.getFileName().toString(),
                        yaml.dump(root), org.caart.agent.check.PolicyOrigin.LOCAL_FILE);
                assertEquals("wazuh-sca-4", policy.format());
            } else {
                policy = PolicyCatalog.read(file);
            }
            assertFalse(root.containsKey("variables"), file + ": the reference does not substitute variables");
            List<Map<String, Object>> checks = (List<Map<String, Object>>) root.get("checks");
            for (int i = 0; i < checks.size(); i++) {
                Map<String, Object> check = checks.get(i);
                List<String> rules = ((List<Object>) check.get("rules")).stream().map(String::valueOf).toList();
                if (rules.stream().allMatch(WazuhDifferentialTest::registryFree)
                        && !(v4 && rules.stream().anyMatch(WazuhDifferentialTest::osRegexName))) {
                    Check engine = policy.checks().get(i);
                    assertEquals(String.valueOf(check.get("id")), engine.info().id());
                    cases.add(new Case(file.getFileName().toString(), engine.info().id(),
                            String.valueOf(check.get("condition")), rules, engine));
                }
            }
        }
        return cases;
    }

    @SuppressWarnings("unchecked")
    private static void toFourX(Map<String, Object> root) {
        ((Map<String, Object>) root.get("policy")).put("regex_type", "pcre2");
        for (Object node : (List<Object>) root.get("checks")) {
            Map<String, Object> check = (Map<String, Object>) node;
            check.put("title", check.remove("name"));
            check.remove("compliance");
            check.remove("mitre");
        }
        Object requirements = root.get("requirements");
        if (requirements instanceof Map<?, ?> map && map.containsKey("name")) {
            ((Map<String, Object>) map).put("title", ((Map<String, Object>) map).remove("name"));
        }
    }

    /** A d: rule whose file name is a regex: OS_Regex in 4.x. */
    private static boolean osRegexName(String rule) {
        String text = rule.strip().replaceFirst("^not\\s+", "");
        int arrow = text.indexOf(" -> ");
        return text.startsWith("d:") && arrow > 0 && text.substring(arrow + 4).replaceFirst("^!", "").startsWith("r:");
    }

    private static boolean registryFree(String rule) {
        String text = rule.strip().replaceFirst("^not\\s+", "");
        return text.startsWith("f:") || text.startsWith("d:") || text.startsWith("c:") || text.startsWith("p:");
    }
}
