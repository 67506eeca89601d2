package org.caart.agent.check.sca;

/**
 * What one SCA rule found. FOUND / NOT_FOUND already include the rule's {@code not}; INVALID is
 * Wazuh's "invalid" (the target is missing or the rule cannot apply here), ERROR a failure to read.
 */
record RuleResult(Kind kind, String observed, String reason) {

    enum Kind { FOUND, NOT_FOUND, INVALID, ERROR, NOT_RUN }

    static RuleResult found(String observed) {
        return new RuleResult(Kind.FOUND, observed, null);
    }

    static RuleResult notFound(String observed) {
        return new RuleResult(Kind.NOT_FOUND, observed, null);
    }

    static RuleResult of(boolean found, String observed) {
        return found ? found(observed) : notFound(observed);
    }

    static RuleResult invalid(String reason) {
        return new RuleResult(Kind.INVALID, reason, reason);
    }

    static RuleResult error(String reason) {
        return new RuleResult(Kind.ERROR, reason, reason);
    }

    static RuleResult notRun(String reason) {
        return new RuleResult(Kind.NOT_RUN, reason, reason);
    }

    boolean definite() {
        return kind == Kind.FOUND || kind == Kind.NOT_FOUND;
    }

    /** Applies the rule's {@code not}: only a definite result flips. */
    RuleResult negate(boolean negated) {
        if (!negated || !definite()) {
            return this;
        }
        return new RuleResult(kind == Kind.FOUND ? Kind.NOT_FOUND : Kind.FOUND, observed, reason);
    }
}
