package org.caart.company.entity;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a member may do in a company. This enum is the permission matrix (docs/security.md prints it); boundaries
 * check it on every call that touches company data, whatever the pages show or hide.
 */
public enum Permission {
    /** See the company, its endpoints, audits, results, devices and dashboards. */
    VIEW(Role.OWNER, Role.ADMIN, Role.AUDITOR, Role.REMEDIATOR, Role.VIEWER),
    /** Create, watch and stop audits; enroll and tag endpoints. */
    RUN_AUDITS(Role.OWNER, Role.ADMIN, Role.AUDITOR),
    /** Order remediations on endpoints. */
    ORDER_REMEDIATION(Role.OWNER, Role.ADMIN, Role.REMEDIATOR),
    /** Edit the company's settings, policies, devices and API keys. */
    MANAGE_COMPANY(Role.OWNER, Role.ADMIN),
    /** Invite members, change roles and duties, remove members. */
    MANAGE_MEMBERS(Role.OWNER, Role.ADMIN),
    /** Read the company's audit trail. */
    VIEW_TRAIL(Role.OWNER, Role.ADMIN),
    /** Read the company's SIEM feed (the pull API). */
    READ_FEED(Role.OWNER, Role.ADMIN, Role.AUDITOR),
    /** Switch the SIEM feed on or off and configure where it goes. */
    MANAGE_FEED(Role.OWNER),
    /** Export the company's data, delete old audits or the whole company, set how long results are kept. */
    MANAGE_DATA(Role.OWNER),
    /** Grant or take away the OWNER role. */
    MANAGE_OWNERS(Role.OWNER);

    private final Set<Role> roles;

    Permission(Role first, Role... rest) {
        this.roles = EnumSet.of(first, rest);
    }

    public boolean grantedTo(Role role) {
        return roles.contains(role);
    }

    public Set<Role> roles() {
        return EnumSet.copyOf(roles);
    }
}
