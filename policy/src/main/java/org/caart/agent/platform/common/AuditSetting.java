package org.caart.agent.platform.common;

/**
 * Whether a subcategory audits successes and/or failures. The flags are the
 * {@code AuditingInformation} bits of Windows' AUDIT_POLICY_INFORMATION.
 */
public record AuditSetting(boolean success, boolean failure) {

    static final int POLICY_AUDIT_EVENT_SUCCESS = 0x1;
    static final int POLICY_AUDIT_EVENT_FAILURE = 0x2;

    public static AuditSetting ofFlags(int auditingInformation) {
        return new AuditSetting((auditingInformation & POLICY_AUDIT_EVENT_SUCCESS) != 0,
                (auditingInformation & POLICY_AUDIT_EVENT_FAILURE) != 0);
    }

    /** Locale-independent evidence text: "Success and Failure", "Success", "Failure" or "No Auditing". */
    public String text() {
        if (success && failure) {
            return "Success and Failure";
        }
        if (success || failure) {
            return success ? "Success" : "Failure";
        }
        return "No Auditing";
    }
}
