package org.caart.patch.entity;

/** How much the company depends on a device; the patch policy may allow a different maximum age per level. */
public enum Criticality {
    LOW, MEDIUM, HIGH, CRITICAL
}
