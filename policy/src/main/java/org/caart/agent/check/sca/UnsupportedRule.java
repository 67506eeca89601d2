package org.caart.agent.check.sca;

import org.caart.agent.check.Host;

/** A rule the agent cannot evaluate exactly; it always reports why, and its check cannot pass on it. */
final class UnsupportedRule extends Rule {

    private final RuleType type;
    private final String reason;

    UnsupportedRule(String text, RuleType type, String reason) {
        super(text, false);
        this.type = type;
        this.reason = reason;
    }

    @Override
    RuleType type() {
        return type;
    }

    @Override
    RuleResult test(Host host) {
        return RuleResult.invalid("unsupported: " + reason);
    }
}
