package org.caart.agent.check.sca;

import java.util.List;

import org.caart.agent.check.Host;
import org.caart.agent.check.Outcome;
import org.caart.agent.check.Policy;
import org.caart.agent.check.PolicyException;
import org.caart.agent.check.PolicyOrigin;

/** Builds small SCA policies in the test and evaluates their checks. */
final class Sca {

    private Sca() {
    }

    static String quote(String rule) {
        return "'" + rule.replace("'", "''") + "'";
    }

    /** A 5.x policy (name, object compliance) with one check. */
    static String v5(String condition, String... rules) {
        StringBuilder yaml = new StringBuilder("""
                policy:
                  id: "test5"
                  name: "Test policy 5.x"
                checks:
                  - id: 1
                    name: "Check one"
                    compliance:
                      cis: ["1.1"]
                    mitre:
                      technique: ["T1000"]
                """);
        yaml.append("    condition: ").append(condition).append("\n    rules:\n");
        for (String rule : rules) {
            yaml.append("      - ").append(quote(rule)).append('\n');
        }
        return yaml.toString();
    }

    /** A 4.x policy (title, list compliance) with one check. */
    static String v4(String condition, String... rules) {
        StringBuilder yaml = new StringBuilder("""
                policy:
                  id: "test4"
                  name: "Test policy 4.x"
                checks:
                  - id: 1
                    title: "Check one"
                    compliance:
                      - cis: ["1.1"]
                """);
        yaml.append("    condition: ").append(condition).append("\n    rules:\n");
        for (String rule : rules) {
            yaml.append("      - ").append(quote(rule)).append('\n');
        }
        return yaml.toString();
    }

    static Policy parse(String yaml) {
        try {
            return new ScaPolicyParser().parse("test.yml", yaml, PolicyOrigin.LOCAL_FILE);
        } catch (PolicyException e) {
            throw new AssertionError(e);
        }
    }

    static Outcome check(Host host, String condition, String... rules) {
        return parse(v5(condition, rules)).checks().get(0).evaluate(host);
    }

    static Outcome check4(Host host, String condition, String... rules) {
        return parse(v4(condition, rules)).checks().get(0).evaluate(host);
    }

    static List<String> lines(String... lines) {
        return List.of(lines);
    }
}
