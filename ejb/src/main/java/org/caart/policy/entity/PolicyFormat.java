package org.caart.policy.entity;

/** The formats a company may upload; the agent recognises either by its content. */
public enum PolicyFormat {
    CAART, SCA
}
