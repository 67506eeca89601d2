package org.caart.patch.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A company's patch policy: the maximum patch age (overridable per device type or criticality, see
 * {@link PatchOverride}), the "due soon" warning window, the local hour of the daily check, the local hour of the
 * nightly compliance run and how long an agent may stay silent before it is listed as stale. A company without a
 * row has the defaults.
 */
@Entity
@Table(name = "patch_policy")
public class PatchPolicy {

    public static final int DEFAULT_MAX_AGE_DAYS = 30;
    public static final int DEFAULT_WARNING_DAYS = 7;
    public static final int DEFAULT_CHECK_HOUR = 6;
    public static final int DEFAULT_COMPLIANCE_HOUR = 2;
    public static final int DEFAULT_STALE_AGENT_HOURS = 26;
    public static final int MAX_AGE_LIMIT = 3650;

    @Id
    @Column(name = "company_id")
    private long companyId;

    @Column(name = "max_age_days", nullable = false)
    private int maxAgeDays = DEFAULT_MAX_AGE_DAYS;

    @Column(name = "warning_days", nullable = false)
    private int warningDays = DEFAULT_WARNING_DAYS;

    @Column(name = "check_hour", nullable = false)
    private int checkHour = DEFAULT_CHECK_HOUR;

    @Column(name = "compliance_hour", nullable = false)
    private int complianceHour = DEFAULT_COMPLIANCE_HOUR;

    @Column(name = "stale_agent_hours", nullable = false)
    private int staleAgentHours = DEFAULT_STALE_AGENT_HOURS;

    @Version
    private long version;

    protected PatchPolicy() {
    }

    /** The defaults, for a company that never saved a policy. */
    public PatchPolicy(long companyId) {
        this.companyId = companyId;
    }

    /** Replaces the settings; the caller has validated them with {@link #problems}. */
    public void set(int newMaxAgeDays, int newWarningDays, int newCheckHour, int newComplianceHour,
            int newStaleAgentHours) {
        this.maxAgeDays = newMaxAgeDays;
        this.warningDays = newWarningDays;
        this.checkHour = newCheckHour;
        this.complianceHour = newComplianceHour;
        this.staleAgentHours = newStaleAgentHours;
    }

    /** What is wrong with these settings, field by field (empty when they are fine). */
    public static Map<String, String> problems(int maxAgeDays, int warningDays, int checkHour,
            int complianceHour, int staleAgentHours) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (maxAgeDays < 1 || maxAgeDays > MAX_AGE_LIMIT) {
            errors.put("maxAgeDays", "The maximum patch age is 1 to " + MAX_AGE_LIMIT + " days");
        }
        if (warningDays < 0 || warningDays > MAX_AGE_LIMIT) {
            errors.put("warningDays", "The warning window is 0 to " + MAX_AGE_LIMIT + " days");
        }
        if (checkHour < 0 || checkHour > 23) {
            errors.put("checkHour", "The check hour is 0 to 23 (company time)");
        }
        if (complianceHour < 0 || complianceHour > 23) {
            errors.put("complianceHour", "The compliance run hour is 0 to 23 (company time)");
        }
        if (staleAgentHours < 1 || staleAgentHours > 24 * 60) {
            errors.put("staleAgentHours", "Agents are stale after 1 to 1440 hours");
        }
        return errors;
    }

    public long getCompanyId() {
        return companyId;
    }

    public int getMaxAgeDays() {
        return maxAgeDays;
    }

    public int getWarningDays() {
        return warningDays;
    }

    public int getCheckHour() {
        return checkHour;
    }

    public int getComplianceHour() {
        return complianceHour;
    }

    public int getStaleAgentHours() {
        return staleAgentHours;
    }
}
