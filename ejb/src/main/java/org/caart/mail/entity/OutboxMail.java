package org.caart.mail.entity;

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
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * A mail the application wants delivered. It is written in the transaction of the action that caused it, so it
 * exists exactly when that action happened, and is delivered afterwards by the outbox scheduler: retried with
 * growing back-off while SMTP fails, never dropped.
 */
@Entity
@Table(name = "outbox_mail")
public class OutboxMail {

    public static final int BODY_MAX = 200_000;
    static final Duration MAX_BACKOFF = Duration.ofHours(1);

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "outbox_mail_seq")
    @SequenceGenerator(name = "outbox_mail_seq", sequenceName = "outbox_mail_seq", allocationSize = 50)
    private Long id;

    @Column(name = "company_id")
    private Long companyId;

    @Column(name = "recipient", nullable = false, length = 254)
    private String recipient;

    @Column(name = "subject", nullable = false, length = 300)
    private String subject;

    @Column(name = "text_body", nullable = false, length = BODY_MAX)
    private String textBody;

    @Column(name = "html_body", length = BODY_MAX)
    private String htmlBody;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 20)
    private MailStatus status = MailStatus.PENDING;

    @Column(name = "attempts", nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    private OffsetDateTime nextAttemptAt;

    @Column(name = "last_error", length = 1000)
    private String lastError;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "sent_at")
    private OffsetDateTime sentAt;

    @Column(name = "holds_secret", nullable = false)
    private boolean holdsSecret;

    @Column(name = "lease_owner", length = 64)
    private String leaseOwner;

    @Column(name = "lease_until")
    private OffsetDateTime leaseUntil;

    @Version
    private long version;

    protected OutboxMail() {
    }

    public OutboxMail(Long companyId, String recipient, String subject, String textBody, String htmlBody,
            OffsetDateTime createdAt) {
        this.companyId = companyId;
        this.recipient = Objects.requireNonNull(recipient, "recipient");
        this.subject = Objects.requireNonNull(subject, "subject");
        this.textBody = Objects.requireNonNull(textBody, "textBody");
        this.htmlBody = htmlBody;
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.nextAttemptAt = createdAt;
    }

    /** Marks the body as carrying a one-time secret: it is removed once the mail has been handed to SMTP. */
    public OutboxMail holdingSecret() {
        this.holdsSecret = true;
        return this;
    }

    public void delivered(OffsetDateTime at) {
        if (holdsSecret) {
            textBody = "(Removed after delivery: this mail held a one-time link.)";
            htmlBody = null;
        }
        status = MailStatus.SENT;
        sentAt = at;
        attempts++;
        lastError = null;
    }

    /**
     * No SMTP server: the mail stays in the outbox. A one-time link is not kept there either (its page showed it once
     * to whoever made it), so the token exists only as a hash.
     */
    public void captured(OffsetDateTime at) {
        if (holdsSecret) {
            textBody = "(Not delivered, no mail server is configured. This mail held a one-time link, which the page "
                    + "that made it showed once; it is not kept.)";
            htmlBody = null;
        }
        status = MailStatus.CAPTURED;
        sentAt = at;
    }

    /**
     * The SMTP server refused or was unreachable: try again later, waiting longer each time (30 s doubling, 1 h cap).
     * The delivery lease ends with the attempt, so the back-off alone decides when the next one comes.
     */
    public void failed(String error, OffsetDateTime at) {
        leaseOwner = null;
        leaseUntil = null;
        attempts++;
        lastError = error == null ? "unknown error" : error.substring(0, Math.min(error.length(), 1000));
        long seconds = Math.min(MAX_BACKOFF.toSeconds(), 30L << Math.min(attempts - 1, 16));
        nextAttemptAt = at.plusSeconds(seconds);
    }

    public Long getId() {
        return id;
    }

    public Long getCompanyId() {
        return companyId;
    }

    public String getRecipient() {
        return recipient;
    }

    public String getSubject() {
        return subject;
    }

    public String getTextBody() {
        return textBody;
    }

    public String getHtmlBody() {
        return htmlBody;
    }

    public MailStatus getStatus() {
        return status;
    }

    public int getAttempts() {
        return attempts;
    }

    public OffsetDateTime getLeaseUntil() {
        return leaseUntil;
    }

    public OffsetDateTime getNextAttemptAt() {
        return nextAttemptAt;
    }

    public String getLastError() {
        return lastError;
    }

    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }

    public OffsetDateTime getSentAt() {
        return sentAt;
    }
}
