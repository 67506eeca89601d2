package org.caart.agent.run;

import org.caart.contract.agent.v1.AuditOrderView;

/** Small SCA policies and orders for run tests. */
final class Policies {

    private Policies() {
    }

    /** An SCA policy with one check per rule, ids 1, 2, ... */
    static String sca(String... rules) {
        StringBuilder yaml = new StringBuilder("policy:\n  id: \"uploaded\"\n  name: \"Uploaded policy\"\nchecks:\n");
        int id = 1;
        for (String rule : rules) {
            yaml.append("  - id: ").append(id).append("\n    title: \"check ").append(id++)
                    .append("\"\n    condition: all\n    rules:\n      - '").append(rule.replace("'", "''")).append("'\n");
        }
        return yaml.toString();
    }

    static AuditOrderView uploaded(String runId, String content) {
        return new AuditOrderView(runId, 11, "Monthly audit", "uploaded", "Uploaded policy", "SCA", content);
    }

    static AuditOrderView builtin(String runId, String policyId) {
        return new AuditOrderView(runId, 11, "Monthly audit", policyId, policyId, "CAART", null);
    }

    static String[] repeat(String rule, int times) {
        String[] rules = new String[times];
        java.util.Arrays.fill(rules, rule);
        return rules;
    }
}
