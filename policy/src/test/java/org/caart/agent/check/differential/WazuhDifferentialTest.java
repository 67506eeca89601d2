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
    void theEngineAgreesWithTheReferenceOnEveryFixture() throws Exception {
        List<String> disagreements = new ArrayList<>();
        int compared = 0;
        int passedSomewhere = 0;
        int failedSomewhere = 0;
        List<Case> cases = cases();
        for (Case check : cases) {
            boolean passed = false;
            boolean failed = false;
            for (Map<String, Boolean> wanted : plans(check)) {
                Path root = Files.createDirectories(roots.resolve("f" + fixtures++));
                Fixtures builder = new Fixtures(root);
                wanted.forEach(builder::want);
                ReferenceSca.Fixture host = builder.write();
                String expected = ReferenceSca.check(check.condition(), check.rules(), host);
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
        System.out.printf("differential: %d checks, %d fixtures; the reference saw %d checks pass and %d fail%n",
                cases.size(), compared, passedSomewhere, failedSomewhere);
        assertEquals(List.of(), disagreements, disagreements.size() + " disagreements");
        assertTrue(cases.size() >= 150, "only " + cases.size() + " registry-free checks");
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
    private static List<Case> cases() throws IOException, org.caart.agent.check.PolicyException {
        List<Case> cases = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> list = Files.list(org.caart.agent.check.sca.WazuhPolicies.folder())) {
            files = list.filter(f -> f.toString().endsWith(".yml")).sorted().toList();
        }
        assertFalse(files.isEmpty());
        for (Path file : files) {
            Policy policy = PolicyCatalog.read(file);
            Map<String, Object> root = new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(file));
            assertFalse(root.containsKey("variables"), file + ": the reference does not substitute variables");
            List<Map<String, Object>> checks = (List<Map<String, Object>>) root.get("checks");
            for (int i = 0; i < checks.size(); i++) {
                Map<String, Object> check = checks.get(i);
                List<String> rules = ((List<Object>) check.get("rules")).stream().map(String::valueOf).toList();
                if (rules.stream().allMatch(WazuhDifferentialTest::registryFree)) {
                    Check engine = policy.checks().get(i);
                    assertEquals(String.valueOf(check.get("id")), engine.info().id());
                    cases.add(new Case(file.getFileName().toString(), engine.info().id(),
                            String.valueOf(check.get("condition")), rules, engine));
                }
            }
        }
        return cases;
    }

    private static boolean registryFree(String rule) {
        String text = rule.strip().replaceFirst("^not\\s+", "");
        return text.startsWith("f:") || text.startsWith("d:") || text.startsWith("c:") || text.startsWith("p:");
    }
}
