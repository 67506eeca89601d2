package org.caart.agent.check;

import org.caart.contract.agent.v1.CheckStatus;

/**
 * The result of evaluating one check: a status, a reason when it is not a plain pass/fail, and the
 * evidence (what had to hold, what was observed).
 */
public record Outcome(CheckStatus status, String reason, String expected, String observed) {

    public Outcome {
        if (status == null) {
            throw new IllegalArgumentException("an outcome needs a status");
        }
    }

    public static Outcome passed(String expected, String observed) {
        return new Outcome(CheckStatus.PASSED, null, expected, observed);
    }

    public static Outcome failed(String expected, String observed) {
        return new Outcome(CheckStatus.FAILED, null, expected, observed);
    }

    public static Outcome notApplicable(String reason) {
        return new Outcome(CheckStatus.NOT_APPLICABLE, reason, null, null);
    }

    public static Outcome error(String reason) {
        return new Outcome(CheckStatus.ERROR, reason, null, null);
    }

    public static Outcome notRun(String reason) {
        return new Outcome(CheckStatus.NOT_RUN, reason, null, null);
    }

    public Outcome withEvidence(String expected, String observed) {
        return new Outcome(status, reason, expected, observed);
    }
}
