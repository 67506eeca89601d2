package org.caart.mail.boundary;

import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.mail.MessagingException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.caart.company.boundary.Access;
import org.caart.company.entity.Permission;
import org.caart.mail.control.SmtpTransport;
import org.caart.mail.entity.MailStatus;
import org.caart.mail.entity.OutboxMail;
import org.caart.platform.InvalidInputException;
import org.caart.platform.MailRequest;
import org.caart.platform.TrailRecorder;
import org.caart.platform.jobs.RetentionDue;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The mail outbox. Components queue mail by firing a {@link MailRequest} in their own transaction (they do not call
 * the outbox); {@link OutboxScheduler} delivers it. Several
 * server instances may share the outbox: a mail is leased by one instance before it is sent.
 */
@Stateless
public class Outbox {

    private static final System.Logger LOG = System.getLogger(Outbox.class.getName());
    private static final String INSTANCE = UUID.randomUUID().toString();
    private static final Duration LEASE = Duration.ofMinutes(2);
    private static final int BATCH = 50;

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    SmtpTransport smtp;

    @Inject
    TrailRecorder trail;

    @Inject
    Access access;

    @Resource
    SessionContext caller;

    @Inject
    @ConfigProperty(name = "caart.mail.retention-days", defaultValue = "90")
    int retentionDays;

    /** Queues the requested mail in the transaction that fired it. */
    public void queue(@Observes MailRequest request) {
        OutboxMail mail = queue(request.companyId(), request.recipient(), request.subject(), request.text(),
                request.html());
        if (request.secret()) {
            mail.holdingSecret();
        }
    }

    private OutboxMail queue(Long companyId, String recipient, String subject, String text, String html) {
        if (recipient == null || !recipient.matches("[^@\\s]+@[^@\\s]+")) {
            throw new InvalidInputException("recipient", "Enter a valid email address");
        }
        OutboxMail mail = new OutboxMail(companyId, recipient.strip(), subject, text, html, now());
        em.persist(mail);
        return mail;
    }

    /** The operator's check of the SMTP settings: queues a short mail to the given address. */
    @RolesAllowed("OPERATOR")
    public OutboxMail sendTestMail(String recipient, String sourceAddress) {
        String operator = caller.getCallerPrincipal().getName();
        OutboxMail mail = queue(null, recipient, "CAaRT test mail",
                "This is a test mail from CAaRT, sent by " + operator + " to check the mail settings.\n"
                        + "Mail server: " + smtp.describe() + "\n", null);
        trail.record(null, null, operator, "mail.test", recipient, null, sourceAddress);
        return mail;
    }

    @RolesAllowed("OPERATOR")
    public List<OutboxMail> latest(int max) {
        return em.createQuery("SELECT m FROM OutboxMail m ORDER BY m.createdAt DESC, m.id DESC", OutboxMail.class)
                .setMaxResults(max)
                .getResultList();
    }

    /** The company's own mail (digests, notices, invitations), newest first, for its owners and admins. */
    public List<OutboxMail> forCompany(long companyId, int max) {
        access.require(companyId, Permission.MANAGE_COMPANY);
        return em.createQuery("SELECT m FROM OutboxMail m WHERE m.companyId = :company "
                        + "ORDER BY m.createdAt DESC, m.id DESC", OutboxMail.class)
                .setParameter("company", companyId)
                .setMaxResults(Math.max(1, Math.min(max, 500)))
                .getResultList();
    }

    /**
     * Why mail queued now would not reach its recipient, when it would not: no SMTP server is configured, or the
     * newest failed delivery still waits for its retry. For the page that queued the mail to say so.
     */
    public Optional<String> deliveryProblem() {
        if (!smtp.configured()) {
            return Optional.of("No mail server is configured (CAART_SMTP_HOST), so the mail stays in the outbox and "
                    + "is not delivered.");
        }
        return em.createQuery("SELECT m.lastError FROM OutboxMail m WHERE m.status = :pending "
                        + "AND m.lastError IS NOT NULL ORDER BY m.id DESC", String.class)
                .setParameter("pending", MailStatus.PENDING).setMaxResults(1).getResultStream().findFirst()
                .map(error -> "The mail server " + smtp.describe() + " failed on the last attempt (" + error
                        + "); the mail waits in the outbox and is retried.");
    }

    public String transportDescription() {
        return smtp.describe();
    }

    /** Leases the mails due now to this instance and returns their ids (one transaction). */
    public List<Long> claimDue() {
        OffsetDateTime now = now();
        // milliseconds: the column keeps microseconds at most, and the lease is found again by equality
        OffsetDateTime until = now.plus(LEASE).truncatedTo(ChronoUnit.MILLIS);
        em.createQuery("UPDATE OutboxMail m SET m.leaseOwner = :me, m.leaseUntil = :until "
                        + "WHERE m.status = :pending AND m.nextAttemptAt <= :now "
                        + "AND (m.leaseUntil IS NULL OR m.leaseUntil < :now)")
                .setParameter("me", INSTANCE).setParameter("until", until)
                .setParameter("pending", MailStatus.PENDING).setParameter("now", now)
                .executeUpdate();
        return em.createQuery("SELECT m.id FROM OutboxMail m WHERE m.leaseOwner = :me AND m.leaseUntil = :until "
                        + "ORDER BY m.id", Long.class)
                .setParameter("me", INSTANCE).setParameter("until", until)
                .setMaxResults(BATCH)
                .getResultList();
    }

    /** Sends one leased mail, or captures it when no SMTP server is configured (one transaction). */
    public void deliver(long id) {
        OutboxMail mail = em.find(OutboxMail.class, id);
        if (mail == null || mail.getStatus() != MailStatus.PENDING) {
            return;
        }
        if (!smtp.configured()) {
            mail.captured(now());
            return;
        }
        try {
            smtp.send(mail);
            mail.delivered(now());
            LOG.log(Level.INFO, "Mail {0} sent", id);
        } catch (MessagingException | RuntimeException e) {
            mail.failed(e.getMessage(), now());
            LOG.log(Level.WARNING, "Mail {0} not sent (attempt {1}), will retry at {2}: {3}", id,
                    mail.getAttempts(), mail.getNextAttemptAt(), e.getMessage());
        }
    }

    /** Daily retention (first of its kind): deletes delivered and captured mail older than the retention period. */
    public void purgeDelivered(@Observes @Priority(Interceptor.Priority.APPLICATION) RetentionDue retention) {
        int removed = em.createQuery("DELETE FROM OutboxMail m WHERE m.status <> :pending AND m.createdAt < :before")
                .setParameter("pending", MailStatus.PENDING)
                .setParameter("before", now().minusDays(retentionDays))
                .executeUpdate();
        retention.removed(removed + " delivered mail(s) removed");
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
