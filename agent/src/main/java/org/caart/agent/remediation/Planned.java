package org.caart.agent.remediation;

import org.caart.agent.check.Check;
import org.caart.agent.check.Outcome;
import org.caart.contract.agent.v1.RemediationItemOrder;

/**
 * One item as the catalog sees it: the check, what it observed now, and either the fix or, for a check without
 * one, why ({@code manual}; the report adds the check's remediation text).
 */
record Planned(RemediationItemOrder item, RemediationPolicy policy, Check check, Outcome observed, Fix fix,
               String manual) {

    boolean needed() {
        return switch (observed.status()) {
            case PASSED, NOT_APPLICABLE -> false;
            default -> true;
        };
    }
}
