package org.caart.agent.check.sca;

import java.util.List;

/** Combines the results of one rule over several targets (path lists, glob matches). */
final class Results {

    private Results() {
    }

    /** FOUND if any target is found; otherwise an error, then a definite NOT_FOUND, then INVALID. */
    static RuleResult anyFound(List<RuleResult> results) {
        RuleResult best = null;
        for (RuleResult result : results) {
            if (result.kind() == RuleResult.Kind.FOUND) {
                return result;
            }
            if (best == null || rank(result) > rank(best)) {
                best = result;
            }
        }
        return best == null ? RuleResult.invalid("no target") : best;
    }

    private static int rank(RuleResult result) {
        return switch (result.kind()) {
            case ERROR -> 3;
            case NOT_FOUND -> 2;
            case NOT_RUN -> 1;
            default -> 0;
        };
    }
}
