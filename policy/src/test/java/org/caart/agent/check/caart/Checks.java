package org.caart.agent.check.caart;

import org.caart.agent.check.Check;
import org.caart.agent.check.LocalHost;
import org.caart.agent.check.Outcome;
import org.caart.agent.check.Policy;
import org.caart.agent.check.PolicyException;
import org.caart.agent.check.PolicyOrigin;
import org.caart.agent.platform.common.Platform;

/** Builds one-check CAaRT policies from a flow-style check object and evaluates them. */
final class Checks {

    private Checks() {
    }

    static Policy policy(String os, String checkObject) throws PolicyException {
        String text = "caart-policy: 1\nid: test\nname: Test\nos: " + os + "\nchecks:\n"
                + "  - id: c1\n    title: A check\n    severity: low\n    references: [\"TEST 1\"]\n"
                + "    check: " + checkObject + "\n";
        return new CaartPolicyParser().parse("test.yml", text, PolicyOrigin.LOCAL_FILE);
    }

    static Check check(String checkObject) throws PolicyException {
        return policy("any", checkObject).checks().get(0);
    }

    static Outcome evaluate(Platform platform, String checkObject) throws PolicyException {
        return check(checkObject).evaluate(new LocalHost(platform, true));
    }
}
