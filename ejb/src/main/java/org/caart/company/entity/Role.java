package org.caart.company.entity;

/** What a member may do in one company; one role per membership. {@link Permission} holds the matrix. */
public enum Role {
    OWNER, ADMIN, AUDITOR, REMEDIATOR, VIEWER;

    public boolean can(Permission permission) {
        return permission.grantedTo(this);
    }
}
