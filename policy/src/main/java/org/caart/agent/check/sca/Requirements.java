package org.caart.agent.check.sca;

import java.util.List;

import org.caart.agent.check.Host;
import org.caart.contract.agent.v1.CheckStatus;

/** A policy's {@code requirements}: the policy runs only when they evaluate to "passed". */
record Requirements(String title, Condition condition, List<Rule> rules) {

    static final Requirements NONE = new Requirements(null, null, List.of());

    boolean isMet(Host host) {
        return condition == null || condition.evaluate(rules, host).status() == CheckStatus.PASSED;
    }

    String text() {
        return title == null ? "" : title;
    }
}
