package org.caart.patch.entity;

/**
 * A device's patch status on a given day: with {@code days_left = last patch date + max age - today},
 * OVERDUE when days_left &lt; 0, DUE_SOON when 0 &le; days_left &lt; warning window (the expiry day itself is still
 * compliant), CURRENT otherwise, UNKNOWN without a patch date. The rule itself is the SQL in
 * {@code PatchEvaluation}; this enum only names its outcomes.
 */
public enum PatchStatus {
    OVERDUE, DUE_SOON, UNKNOWN, CURRENT
}
