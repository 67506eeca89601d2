package org.caart.agent.check.caart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.caart.agent.check.Check;
import org.caart.agent.check.LocalHost;
import org.caart.agent.check.Outcome;
import org.caart.agent.check.Policy;
import org.caart.agent.check.PolicyException;
import org.caart.agent.check.PolicyOrigin;
import org.caart.agent.platform.common.FakePlatform;
import org.caart.contract.agent.v1.CheckStatus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class BuiltinPoliciesTest {

    private static final String FOLDER = "/org/caart/agent/policies/";

    static List<String> builtins() throws IOException {
        return read("index.txt").lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    private static String read(String name) throws IOException {
        try (InputStream in = BuiltinPoliciesTest.class.getResourceAsStream(FOLDER + name)) {
            assertNotNull(in, "missing built-in " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Policy load(String name) throws IOException, PolicyException {
        return new CaartPolicyParser().parse(name, read(name), PolicyOrigin.BUILTIN);
    }

    @ParameterizedTest
    @MethodSource("builtins")
    void eachBuiltinHasAtLeastSixtyUniqueReferencedChecks(String name) throws Exception {
        Policy policy = load(name);
        assertTrue(policy.checks().size() >= 60, name + " has only " + policy.checks().size() + " checks");
        Set<String> ids = new HashSet<>();
        for (Check check : policy.checks()) {
            assertTrue(ids.add(check.info().id()), "duplicate id " + check.info().id());
            assertFalse(check.info().references().isEmpty(), check.info().id() + " has no reference");
            assertNotNull(check.info().severity());
            assertFalse(check.info().rationale().isBlank(), check.info().id() + " has no rationale");
            assertFalse(check.info().remediation().isBlank(), check.info().id() + " has no remediation");
        }
    }

    @ParameterizedTest
    @MethodSource("builtins")
    void everyBuiltinCheckEndsWithEvidenceOnAnEmptyHostOfItsFamily(String name) throws Exception {
        Policy policy = load(name);
        FakePlatform empty = name.contains("windows") ? FakePlatform.windows() : FakePlatform.linux();
        LocalHost host = new LocalHost(empty, false);
        for (Check check : policy.checks()) {
            Outcome outcome = check.evaluate(host);
            assertNotNull(outcome.expected(), check.info().id());
            assertNotNull(outcome.observed(), check.info().id());
            assertTrue(outcome.status() != CheckStatus.PASSED || outcome.observed() != null, check.info().id());
        }
    }

    @ParameterizedTest
    @MethodSource("builtins")
    void builtinsTargetOneFamily(String name) throws Exception {
        Policy policy = load(name);
        boolean windows = name.contains("windows");
        assertEquals(windows, policy.requirements().test(new LocalHost(FakePlatform.windows(), false)));
        assertEquals(!windows, policy.requirements().test(new LocalHost(FakePlatform.linux(), false)));
    }
}
