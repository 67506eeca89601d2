package org.caart.agent.check.sca;

import java.util.ArrayList;
import java.util.List;

import org.caart.agent.check.Host;
import org.caart.agent.check.Outcome;
import org.caart.contract.agent.v1.CheckStatus;

/**
 * How a check's rule results become its status, as Wazuh's SCA evaluates it: {@code all} fails on
 * the first rule not found, {@code any} passes on the first rule found, {@code none} fails on the
 * first rule found. Without such a decision, a rule that was not run makes the check NOT_RUN, a read
 * error makes it ERROR, an invalid rule (or no rule at all) makes it NOT_APPLICABLE; otherwise
 * {@code all} and {@code none} pass and {@code any} fails.
 */
enum Condition {
    ALL, ANY, NONE;

    static Condition of(String text) {
        return switch (text == null ? "" : text.strip()) {
            case "all" -> ALL;
            case "any" -> ANY;
            case "none" -> NONE;
            default -> null;
        };
    }

    Outcome evaluate(List<Rule> rules, Host host) {
        String expected = expected(rules);
        List<String> observed = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        boolean notRun = false;
        boolean error = false;
        boolean invalid = rules.isEmpty();
        for (Rule rule : rules) {
            RuleResult result = rule.evaluate(host);
            observed.add("[" + label(result) + "] " + rule.text() + " => " + result.observed());
            switch (result.kind()) {
                case NOT_RUN -> notRun = true;
                case ERROR -> error = true;
                case INVALID -> invalid = true;
                default -> {
                    Boolean decided = decide(result.kind() == RuleResult.Kind.FOUND);
                    if (decided != null) {
                        return decided ? Outcome.passed(expected, String.join("\n", observed))
                                : Outcome.failed(expected, String.join("\n", observed));
                    }
                }
            }
            if (result.reason() != null && !reasons.contains(result.reason())) {
                reasons.add(result.reason());
            }
        }
        String evidence = String.join("\n", observed);
        if (notRun) {
            return new Outcome(CheckStatus.NOT_RUN, String.join("; ", reasons), expected, evidence);
        }
        if (error) {
            return new Outcome(CheckStatus.ERROR, String.join("; ", reasons), expected, evidence);
        }
        if (invalid) {
            String reason = rules.isEmpty() ? "the check has no rules" : String.join("; ", reasons);
            return new Outcome(CheckStatus.NOT_APPLICABLE, reason, expected, evidence);
        }
        return this == ANY ? Outcome.failed(expected, evidence) : Outcome.passed(expected, evidence);
    }

    /** Whether a definite rule result decides the check: TRUE passes, FALSE fails, null goes on. */
    private Boolean decide(boolean found) {
        return switch (this) {
            case ALL -> found ? null : Boolean.FALSE;
            case ANY -> found ? Boolean.TRUE : null;
            case NONE -> found ? Boolean.FALSE : null;
        };
    }

    private String expected(List<Rule> rules) {
        String intro = switch (this) {
            case ALL -> "all of these rules hold:";
            case ANY -> "at least one of these rules holds:";
            case NONE -> "none of these rules holds:";
        };
        StringBuilder text = new StringBuilder(intro);
        rules.forEach(rule -> text.append('\n').append(rule.text()));
        return text.toString();
    }

    private static String label(RuleResult result) {
        return result.kind().name().toLowerCase().replace('_', ' ');
    }
}
