package org.caart.contract.agent.v1;

/**
 * Where one check of a remediation order stands on its host.
 * <ul>
 * <li>QUEUED: accepted, not started. APPLYING: its before value is journaled and the change is under way.</li>
 * <li>FIXED: changed and the re-check passed. NEEDS_REBOOT: changed and re-checked, but it takes full effect only
 * after a restart of the host.</li>
 * <li>FAILED: not changed, or changed and put back because the re-check still failed (the message says which).</li>
 * <li>ROLLED_BACK: the before value is restored (a ROLLBACK order, a failed dead-man check, or recovery after the
 * agent was interrupted).</li>
 * <li>PLANNED: (PLAN orders) a fix from the agent's catalog would apply. NOT_NEEDED: the check already passes;
 * nothing changes. MANUAL: the agent has no fix for this check; {@code manualText} says what to do by hand.</li>
 * <li>REFUSED: the host does not allow remediation ({@code allow-remediation} is off) or the order was invalid.</li>
 * </ul>
 */
public enum RemediationItemState {
    QUEUED, APPLYING, FIXED, FAILED, ROLLED_BACK, NEEDS_REBOOT, PLANNED, NOT_NEEDED, MANUAL, REFUSED;

    /** Whether nothing more will happen to the item in its order. */
    public boolean terminal() {
        return this != QUEUED && this != APPLYING;
    }
}
