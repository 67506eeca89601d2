package org.caart.patch.entity;

/** Where a device's last patch date came from. */
public enum PatchSource {
    /** reported by the device's enrolled agent */
    AGENT,
    /** typed in the portal */
    MANUAL,
    /** imported from a CSV file */
    CSV,
    /** set through the company's API key */
    API
}
