package org.caart.contract.agent.v1;

/**
 * What an administrator should know about a fix before approving it.
 * <ul>
 * <li>NEEDS_REBOOT: takes full effect after the host restarts.</li>
 * <li>RESTARTS_SERVICE: reloads or restarts a service (e.g. sshd is reloaded after a validated change).</li>
 * <li>REMOTE_ACCESS: touches remote access (SSH, RDP, WinRM) or the host firewall; the agent reverts it by itself
 * unless it reaches its server within the dead-man time after the change.</li>
 * <li>ORDERED: applied in an order the agent enforces (e.g. lockout threshold, then duration, then reset
 * counter); rolled back in the reverse order.</li>
 * <li>SETTLE_TIME: takes effect after a while; the agent waits before re-checking.</li>
 * <li>ROLLBACK_NEEDS_REPOSITORY: rollback reinstalls software, which needs the package repository.</li>
 * </ul>
 */
public enum RemediationFlag {
    NEEDS_REBOOT, RESTARTS_SERVICE, REMOTE_ACCESS, ORDERED, SETTLE_TIME, ROLLBACK_NEEDS_REPOSITORY
}
