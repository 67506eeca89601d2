package org.caart.contract.agent.v1;

/**
 * What a remediation order asks of the agent. PLAN changes nothing: it reports per check the observed value, the
 * value a fix would set and its flags. APPLY fixes the items and re-checks each; ROLLBACK restores the before values
 * the agent journaled when it applied the items of order {@code rollbackOf}, then re-checks.
 */
public enum RemediationAction {
    PLAN, APPLY, ROLLBACK
}
