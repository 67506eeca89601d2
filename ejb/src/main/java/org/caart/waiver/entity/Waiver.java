package org.caart.waiver.entity;

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
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.caart.platform.ConflictException;
import org.caart.platform.InvalidInputException;

/**
 * An exception (waiver) for one check of one policy: a member asks that its failures stop counting, for one
 * endpoint, the endpoints with a tag, or the whole company, with a reason and an expiry date no later than the
 * company allows for the check's severity. Another member approves or rejects it: never the member who asked. An
 * approved exception excepts the failing results in its scope whose observed value is one it was granted for, until
 * the end of its expiry day in the company's time zone; a new observed value reopens it (it waits for a decision
 * again) and the expiry ends it. A rejected exception can be reopened.
 */
@Entity
@Table(name = "waiver")
public class Waiver {

    public static final int REASON_MAX = 2000;
    public static final int TICKET_MAX = 200;
    public static final int TAG_MAX = 60;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "waiver_seq")
    @SequenceGenerator(name = "waiver_seq", sequenceName = "waiver_seq", allocationSize = 50)
    private Long id;

    @Column(name = "company_id", nullable = false, updatable = false)
    private long companyId;

    @Column(name = "policy_id", nullable = false, length = 120, updatable = false)
    private String policyId;

    @Column(name = "check_id", nullable = false, length = 120, updatable = false)
    private String checkId;

    @Column(name = "check_title", nullable = false, length = 500, updatable = false)
    private String checkTitle;

    @Column(name = "severity", length = 20, updatable = false)
    private String severity;

    @Enumerated(EnumType.STRING)
    @Column(name = "scope", nullable = false, length = 10, updatable = false)
    private WaiverScope scope;

    @Column(name = "endpoint_id", updatable = false)
    private Long endpointId;

    @Column(name = "tag", length = TAG_MAX, updatable = false)
    private String tag;

    @Column(name = "reason", nullable = false, length = REASON_MAX)
    private String reason;

    @Column(name = "ticket", length = TICKET_MAX)
    private String ticket;

    @Column(name = "expires_on", nullable = false)
    private LocalDate expiresOn;

    @Column(name = "expires_at", nullable = false)
    private OffsetDateTime expiresAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 20)
    private WaiverStatus status = WaiverStatus.REQUESTED;

    @Column(name = "requested_by", nullable = false, updatable = false)
    private long requestedBy;

    @Column(name = "requested_by_email", nullable = false, length = 254, updatable = false)
    private String requestedByEmail;

    @Column(name = "requested_at", nullable = false, updatable = false)
    private OffsetDateTime requestedAt;

    @Column(name = "decided_by")
    private Long decidedBy;

    @Column(name = "decided_by_email", length = 254)
    private String decidedByEmail;

    @Column(name = "decided_at")
    private OffsetDateTime decidedAt;

    @Column(name = "decision_note", length = REASON_MAX)
    private String decisionNote;

    @Column(name = "approved_at")
    private OffsetDateTime approvedAt;

    @Column(name = "reopened_at")
    private OffsetDateTime reopenedAt;

    @Column(name = "reopen_reason", length = REASON_MAX)
    private String reopenReason;

    @Column(name = "ended_at")
    private OffsetDateTime endedAt;

    /** Completed runs that finished up to here have been compared with the evidence (approved exceptions). */
    @Column(name = "evidence_checked_at")
    private OffsetDateTime evidenceCheckedAt;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    @Version
    private long version;

    protected Waiver() {
    }

    /** What was asked for, checked against the rules ({@link Terms}); the check's title and severity come along. */
    public Waiver(long companyId, CheckRef check, Terms terms, long requestedBy, String requestedByEmail,
            OffsetDateTime now) {
        this.companyId = companyId;
        this.policyId = Objects.requireNonNull(check.policyId(), "policyId");
        this.checkId = Objects.requireNonNull(check.checkId(), "checkId");
        this.checkTitle = cut(check.title() == null ? check.checkId() : check.title(), 500);
        this.severity = check.severity();
        this.scope = Objects.requireNonNull(terms.scope(), "scope");
        this.endpointId = terms.endpointId();
        this.tag = terms.tag();
        this.requestedBy = requestedBy;
        this.requestedByEmail = Objects.requireNonNull(requestedByEmail, "requestedByEmail");
        this.requestedAt = now;
        agree(terms);
        this.updatedAt = now;
    }

    /** The check an exception is for, as its latest results describe it. */
    public record CheckRef(String policyId, String checkId, String title, String severity) {
    }

    /**
     * What a member asks for, validated: scope (an endpoint id for ENDPOINT, a tag for TAG), reason (required),
     * optional ticket, and the expiry day: from today to today + the longest period the company allows, counted in
     * the company's time zone; the exception ends when that day ends there.
     */
    public record Terms(WaiverScope scope, Long endpointId, String tag, String reason, String ticket,
            LocalDate expiresOn, OffsetDateTime expiresAt) {

        public static Terms of(WaiverScope scope, Long endpointId, String tag, String reason, String ticket,
                LocalDate expiresOn, LocalDate today, ZoneId zone, int maxDays) {
            Map<String, String> errors = new LinkedHashMap<>();
            if (scope == null) {
                errors.put("scope", "Choose the scope: one endpoint, a tag, or the whole company");
            } else if (scope == WaiverScope.ENDPOINT && endpointId == null) {
                errors.put("endpointId", "Choose the endpoint the exception is for");
            }
            String cleanTag = tag == null ? "" : tag.strip().toLowerCase(Locale.ROOT);
            if (scope == WaiverScope.TAG && (cleanTag.isEmpty() || cleanTag.length() > TAG_MAX
                    || cleanTag.contains(","))) {
                errors.put("tag", "Give one tag of 1 to " + TAG_MAX + " characters (no comma)");
            }
            String cleanReason = reason == null ? "" : reason.strip();
            if (cleanReason.isEmpty() || cleanReason.length() > REASON_MAX) {
                errors.put("reason", "A reason is required (at most " + REASON_MAX + " characters)");
            }
            String cleanTicket = ticket == null || ticket.isBlank() ? null : ticket.strip();
            if (cleanTicket != null && cleanTicket.length() > TICKET_MAX) {
                errors.put("ticket", "A ticket reference has at most " + TICKET_MAX + " characters");
            }
            if (expiresOn == null) {
                errors.put("expiresOn", "An expiry date is required");
            } else if (expiresOn.isBefore(today)) {
                errors.put("expiresOn", "The expiry date is in the past");
            } else if (expiresOn.isAfter(today.plusDays(maxDays))) {
                errors.put("expiresOn", "The company allows exceptions for this check's severity for at most "
                        + maxDays + " days: the latest expiry date is " + today.plusDays(maxDays));
            }
            if (!errors.isEmpty()) {
                throw new InvalidInputException(errors);
            }
            return new Terms(scope, scope == WaiverScope.ENDPOINT ? endpointId : null,
                    scope == WaiverScope.TAG ? cleanTag : null, cleanReason, cleanTicket, expiresOn,
                    expiresOn.plusDays(1).atStartOfDay(zone).toOffsetDateTime());
        }
    }

    private void agree(Terms terms) {
        this.reason = terms.reason();
        this.ticket = terms.ticket();
        this.expiresOn = terms.expiresOn();
        this.expiresAt = terms.expiresAt();
    }

    /** Approved by another member: it excepts from now on, for the evidence the caller records with it. */
    public void approve(long memberId, String email, String note, OffsetDateTime now) {
        String cleanNote = decidable(memberId, note, "approve");
        if (!now.isBefore(expiresAt)) {
            throw new ConflictException("This exception's expiry date has passed; reject it, or reopen it "
                    + "with a new date once rejected");
        }
        record(memberId, email, cleanNote, now);
        this.status = WaiverStatus.APPROVED;
        this.approvedAt = now;
        this.evidenceCheckedAt = now;
        this.updatedAt = now;
    }

    public void reject(long memberId, String email, String note, OffsetDateTime now) {
        record(memberId, email, decidable(memberId, note, "reject"), now);
        this.status = WaiverStatus.REJECTED;
        this.updatedAt = now;
    }

    private String decidable(long memberId, String note, String verb) {
        if (!status.pending()) {
            throw new ConflictException("Only a requested or reopened exception can be decided; this one is "
                    + status);
        }
        if (memberId == requestedBy) {
            throw new ConflictException("You requested this exception, so another member with the "
                    + "ORDER_REMEDIATION or MANAGE_COMPANY permission must " + verb + " it");
        }
        String cleanNote = note == null || note.isBlank() ? null : note.strip();
        if (cleanNote != null && cleanNote.length() > REASON_MAX) {
            throw new InvalidInputException("note", "A note has at most " + REASON_MAX + " characters");
        }
        return cleanNote;
    }

    private void record(long memberId, String email, String cleanNote, OffsetDateTime now) {
        this.decidedBy = memberId;
        this.decidedByEmail = email;
        this.decidedAt = now;
        this.decisionNote = cleanNote;
    }

    /** A rejected exception asked for again, possibly with new terms (same scope); it waits for a decision. */
    public void reopen(Terms terms, OffsetDateTime now) {
        if (status != WaiverStatus.REJECTED) {
            throw new ConflictException("Only a rejected exception can be reopened; this one is " + status);
        }
        agree(terms);
        this.status = WaiverStatus.REQUESTED;
        this.reopenedAt = null;
        this.reopenReason = null;
        this.updatedAt = now;
    }

    /** A failing result in scope showed a value it was not granted for: it waits for a decision again. */
    public boolean reopenOnEvidence(String why, OffsetDateTime now) {
        if (status != WaiverStatus.APPROVED) {
            return false;
        }
        this.status = WaiverStatus.REOPENED;
        this.reopenedAt = now;
        this.reopenReason = cut(why, REASON_MAX);
        this.updatedAt = now;
        return true;
    }

    /** Whether the expiry has come: the end of its expiry day in the company's time zone. */
    public boolean expiredAt(OffsetDateTime now) {
        return !now.isBefore(expiresAt);
    }

    /** Ends an exception at its expiry: the check counts as failing again. A rejected one stays rejected. */
    public boolean expire(OffsetDateTime now) {
        if (!expiredAt(now) || status == WaiverStatus.REJECTED || status == WaiverStatus.EXPIRED) {
            return false;
        }
        this.status = WaiverStatus.EXPIRED;
        this.endedAt = now;
        this.updatedAt = now;
        return true;
    }

    public void evidenceCheckedUntil(OffsetDateTime until) {
        this.evidenceCheckedAt = until;
    }

    /** Approved and not yet expired: it excepts failing results in its scope. */
    public boolean inForceAt(OffsetDateTime now) {
        return status == WaiverStatus.APPROVED && now.isBefore(expiresAt);
    }

    /** How the scope reads: "endpoint #12", "tag web", "whole company". */
    public String scopeText() {
        return switch (scope) {
            case ENDPOINT -> "endpoint #" + endpointId;
            case TAG -> "tag " + tag;
            case COMPANY -> "whole company";
        };
    }

    private static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    public Long getId() {
        return id;
    }

    public long getCompanyId() {
        return companyId;
    }

    public String getPolicyId() {
        return policyId;
    }

    public String getCheckId() {
        return checkId;
    }

    public String getCheckTitle() {
        return checkTitle;
    }

    public String getSeverity() {
        return severity;
    }

    public WaiverScope getScope() {
        return scope;
    }

    public Long getEndpointId() {
        return endpointId;
    }

    public String getTag() {
        return tag;
    }

    public String getReason() {
        return reason;
    }

    public String getTicket() {
        return ticket;
    }

    public LocalDate getExpiresOn() {
        return expiresOn;
    }

    public OffsetDateTime getExpiresAt() {
        return expiresAt;
    }

    public WaiverStatus getStatus() {
        return status;
    }

    public long getRequestedBy() {
        return requestedBy;
    }

    public String getRequestedByEmail() {
        return requestedByEmail;
    }

    public OffsetDateTime getRequestedAt() {
        return requestedAt;
    }

    public String getDecidedByEmail() {
        return decidedByEmail;
    }

    public OffsetDateTime getDecidedAt() {
        return decidedAt;
    }

    public String getDecisionNote() {
        return decisionNote;
    }

    public OffsetDateTime getApprovedAt() {
        return approvedAt;
    }

    public OffsetDateTime getReopenedAt() {
        return reopenedAt;
    }

    public String getReopenReason() {
        return reopenReason;
    }

    public OffsetDateTime getEndedAt() {
        return endedAt;
    }

    public OffsetDateTime getEvidenceCheckedAt() {
        return evidenceCheckedAt;
    }

    public OffsetDateTime getUpdatedAt() {
        return updatedAt;
    }
}
