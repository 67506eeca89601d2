package org.caart.agent.check.sca;

import org.caart.agent.check.Host;

/**
 * One SCA rule: {@code [not ]TYPE:TARGET[ -> PATTERN]}. Parsing happens once per policy; evaluation
 * never throws for host conditions.
 */
abstract class Rule {

    private final String text;
    private final boolean negated;

    Rule(String text, boolean negated) {
        this.text = text;
        this.negated = negated;
    }

    abstract RuleType type();

    /** The un-negated result; {@link #evaluate} applies {@code not}. */
    abstract RuleResult test(Host host);

    final RuleResult evaluate(Host host) {
        long start = System.nanoTime();
        RuleResult result;
        try {
            result = test(host).negate(negated);
        } catch (IllegalStateException e) {
            result = RuleResult.invalid(e.getMessage());
        } catch (RuntimeException e) {
            result = RuleResult.error("cannot evaluate: " + e);
        }
        host.stats().record(type() == null ? "?:" : type().prefix() + ":", System.nanoTime() - start);
        return result;
    }

    String text() {
        return text;
    }

    boolean negated() {
        return negated;
    }
}
