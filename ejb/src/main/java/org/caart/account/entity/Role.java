package org.caart.account.entity;

/** What a member may do in one company; one role per membership. */
public enum Role {
    OWNER, ADMIN, AUDITOR, REMEDIATOR, VIEWER
}
