package org.caart.contract.agent.v1;

/** The kinds of change the agent's fix catalog makes; MANUAL is a check it has no fix for. */
public enum FixKind {
    SYSCTL, FILE_MODE, CONFIG_LINE, SSHD_SETTING, PACKAGE_REMOVAL,
    REGISTRY_VALUE, SECURITY_POLICY, USER_RIGHT, AUDIT_POLICY, SERVICE_START_TYPE, FIREWALL_PROFILE,
    MANUAL
}
