package org.caart.remediation.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.caart.contract.agent.v1.FixKind;
import org.caart.contract.agent.v1.RemediationAction;
import org.caart.contract.agent.v1.RemediationFlag;
import org.caart.contract.agent.v1.RemediationItemReport;
import org.caart.contract.agent.v1.RemediationItemState;

/**
 * One failing check on one endpoint in a remediation: what the audit found (title, expected value, the check's own
 * remediation text), what the agent's plan says (observed value, value to set, flags, or MANUAL with what to do by
 * hand), and its latest state with the before value the agent journaled (kept once known: a later report without
 * it never erases it) and the value at the re-check. Every reported state is also kept as a
 * {@link RemediationStep}.
 */
@Entity
@Table(name = "remediation_item")
public class RemediationItem {

    public static final int TEXT_MAX = 4000;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "remediation_item_seq")
    @SequenceGenerator(name = "remediation_item_seq", sequenceName = "remediation_item_seq", allocationSize = 50)
    private Long id;

    @Column(name = "remediation_id", nullable = false, updatable = false)
    private long remediationId;

    @Column(name = "company_id", nullable = false, updatable = false)
    private long companyId;

    @Column(name = "endpoint_id", nullable = false, updatable = false)
    private long endpointId;

    @Column(name = "hostname", nullable = false, length = 253, updatable = false)
    private String hostname;

    @Column(name = "check_result_id", nullable = false, updatable = false)
    private long checkResultId;

    @Column(name = "check_id", nullable = false, length = 120, updatable = false)
    private String checkId;

    @Column(name = "policy_id", nullable = false, length = 120, updatable = false)
    private String policyId;

    @Column(name = "title", nullable = false, length = 500, updatable = false)
    private String title;

    @Column(name = "severity", length = 20, updatable = false)
    private String severity;

    @Column(name = "expected", length = TEXT_MAX, updatable = false)
    private String expected;

    @Column(name = "remediation_text", length = TEXT_MAX, updatable = false)
    private String remediationText;

    @Enumerated(EnumType.STRING)
    @Column(name = "plan_state", nullable = false, length = 20)
    private RemediationItemState planState = RemediationItemState.QUEUED;

    @Enumerated(EnumType.STRING)
    @Column(name = "state", nullable = false, length = 20)
    private RemediationItemState state = RemediationItemState.QUEUED;

    @Enumerated(EnumType.STRING)
    @Column(name = "fix_kind", length = 30)
    private FixKind fixKind;

    @Column(name = "observed", length = TEXT_MAX)
    private String observed;

    @Column(name = "target", length = TEXT_MAX)
    private String target;

    @Column(name = "flags", length = 200)
    private String flags;

    @Column(name = "manual_text", length = TEXT_MAX)
    private String manualText;

    @Column(name = "before_value", length = TEXT_MAX)
    private String before;

    @Column(name = "after_value", length = TEXT_MAX)
    private String after;

    @Column(name = "message", length = RemediationOrder.MESSAGE_MAX)
    private String message;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    @Version
    private long version;

    protected RemediationItem() {
    }

    public RemediationItem(Remediation remediation, long endpointId, String hostname, long checkResultId,
            String checkId, String policyId, String title, String severity, String expected, String remediationText,
            OffsetDateTime now) {
        this.remediationId = Objects.requireNonNull(remediation.getId(), "remediation id");
        this.companyId = remediation.getCompanyId();
        this.endpointId = endpointId;
        this.hostname = Objects.requireNonNull(hostname, "hostname");
        this.checkResultId = checkResultId;
        this.checkId = Objects.requireNonNull(checkId, "checkId");
        this.policyId = Objects.requireNonNull(policyId, "policyId");
        this.title = Objects.requireNonNull(title, "title");
        this.severity = severity;
        this.expected = cut(expected, TEXT_MAX);
        this.remediationText = cut(remediationText, TEXT_MAX);
        this.updatedAt = now;
    }

    /** Takes what the agent reported for this item in an order of the action. */
    public void report(RemediationAction action, RemediationItemReport report, OffsetDateTime now) {
        message = cut(report.message(), RemediationOrder.MESSAGE_MAX);
        updatedAt = now;
        if (action == RemediationAction.PLAN) {
            planState = report.state();
            state = report.state();
            fixKind = report.fixKind();
            observed = cut(report.observed(), TEXT_MAX);
            target = cut(report.target(), TEXT_MAX);
            flags = report.flags().stream().map(Enum::name).collect(Collectors.joining(","));
            manualText = cut(report.manualText(), TEXT_MAX);
            return;
        }
        state = report.state();
        if (report.fixKind() != null) {
            fixKind = report.fixKind();
        }
        if (action == RemediationAction.APPLY && before == null && report.before() != null) {
            before = cut(report.before(), TEXT_MAX);
        }
        if (report.after() != null) {
            after = cut(report.after(), TEXT_MAX);
        }
    }

    /** An APPLY order goes out for this item: it waits for the agent again. */
    public void queue(OffsetDateTime now) {
        state = RemediationItemState.QUEUED;
        message = null;
        updatedAt = now;
    }

    /** Whether the plan found a fix to apply. */
    public boolean isFixable() {
        return planState == RemediationItemState.PLANNED;
    }

    /** Whether the item's change is in place on the host, so a rollback can restore its before value. */
    public boolean canRollBack() {
        return state == RemediationItemState.FIXED || state == RemediationItemState.NEEDS_REBOOT;
    }

    public List<RemediationFlag> flags() {
        return flags == null || flags.isBlank() ? List.of()
                : Arrays.stream(flags.split(",")).map(RemediationFlag::valueOf).toList();
    }

    /** The text of a column: cut to its length, ending with "…", and without NUL characters (PostgreSQL). */
    public static String cut(String text, int max) {
        if (text == null) {
            return null;
        }
        String clean = text.replace('\u0000', '\uFFFD');
        return clean.length() <= max ? clean : clean.substring(0, max - 1) + "…";
    }

    public Long getId() {
        return id;
    }

    public long getRemediationId() {
        return remediationId;
    }

    public long getCompanyId() {
        return companyId;
    }

    public long getEndpointId() {
        return endpointId;
    }

    public String getHostname() {
        return hostname;
    }

    public long getCheckResultId() {
        return checkResultId;
    }

    public String getCheckId() {
        return checkId;
    }

    public String getPolicyId() {
        return policyId;
    }

    public String getTitle() {
        return title;
    }

    public String getSeverity() {
        return severity;
    }

    public String getExpected() {
        return expected;
    }

    public String getRemediationText() {
        return remediationText;
    }

    public RemediationItemState getPlanState() {
        return planState;
    }

    public RemediationItemState getState() {
        return state;
    }

    public FixKind getFixKind() {
        return fixKind;
    }

    public String getObserved() {
        return observed;
    }

    public String getTarget() {
        return target;
    }

    /** What to do by hand: the agent's text for a MANUAL item, else the check's own remediation text. */
    public String getManualText() {
        return manualText != null && !manualText.isBlank() ? manualText : remediationText;
    }

    public String getBefore() {
        return before;
    }

    public String getAfter() {
        return after;
    }

    public String getMessage() {
        return message;
    }

    public OffsetDateTime getUpdatedAt() {
        return updatedAt;
    }
}
