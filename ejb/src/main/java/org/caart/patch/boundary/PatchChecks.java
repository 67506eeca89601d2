package org.caart.patch.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.caart.audit.boundary.AuditFindings;
import org.caart.company.boundary.Access;
import org.caart.company.boundary.Members;
import org.caart.company.entity.Company;
import org.caart.company.entity.Membership;
import org.caart.company.entity.Permission;
import org.caart.endpoint.boundary.Endpoints;
import org.caart.patch.control.DeviceStatus;
import org.caart.patch.control.PatchDigest;
import org.caart.patch.control.PatchEvaluation;
import org.caart.patch.entity.PatchCheck;
import org.caart.patch.entity.PatchPolicy;
import org.caart.patch.entity.PatchStatus;
import org.caart.platform.DigestSections;
import org.caart.platform.MailRequest;
import org.caart.platform.Times;
import org.caart.platform.TrailEntry;
import org.caart.platform.FeedEvent;
import org.caart.platform.FeedRecorder;
import org.caart.platform.TrailRecorder;
import org.caart.platform.jobs.JobLedger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The patch check of a company: evaluate every device (set-based), report each device that became overdue (a
 * WARNING in the server log and a trail event naming it), then mail. The daily check runs once per company and
 * local day after the company's check hour (the job ledger makes that hold across server instances) and sends the
 * digest to each member with the CISO or security technician duty; a check run on demand takes the same path but
 * mails only the devices that became overdue since, never a second digest.
 */
@Stateless
public class PatchChecks {

    public static final String JOB = "patch-check";
    static final int LIST_MAX = 100;
    private static final System.Logger LOG = System.getLogger(PatchChecks.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    Access access;

    @Inject
    TrailRecorder trail;

    @Inject
    FeedRecorder feed;

    @Inject
    Clock clock;

    @Inject
    DeviceStatus status;

    @Inject
    JobLedger ledger;

    @Inject
    Event<MailRequest> outbox;

    @Inject
    Members members;

    @Inject
    Endpoints endpoints;

    @Inject
    AuditFindings audits;

    @Inject
    Event<DigestSections> digestSections;

    @Inject
    @ConfigProperty(name = "caart.public.url")
    String publicUrl;

    /** The daily check, when it is due for the company (its own transaction: one company's failure stays its own). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Optional<PatchCheck> dailyIfDue(long companyId) {
        Company company = em.find(Company.class, companyId);
        if (company == null) {
            return Optional.empty();
        }
        PatchPolicy policy = status.policy(companyId);
        ZonedDateTime local = ZonedDateTime.now(clock.withZone(company.zoneId()));
        LocalDate today = local.toLocalDate();
        if (local.getHour() < policy.getCheckHour() || !ledger.claim(JOB, companyId, today)) {
            return Optional.empty();
        }
        Evaluated run = evaluate(company, today, PatchCheck.Kind.DAILY, null);
        Map<PatchStatus, Integer> counts = run.evaluation().counts(companyId);
        List<String> recipients = members.withSecurityDuty(companyId);
        int reads = 1 + publishStale(company, policy);
        int mails = 0;
        if (!recipients.isEmpty()) {
            Content content = content(company, policy, today, run, counts);
            reads += content.reads();
            mails = mail(companyId, recipients, new PatchDigest(publicUrl).daily(content.digest()));
        }
        // the evaluation counts its own statements; add the other components' reads (recipients, stale agents,
        // audit findings), the trail's insert, and the check's JPA ones: company, policy, overrides, ledger claim,
        // check insert and update, ledger finish (read + update), one insert per mail
        finish(run, counts, mails, reads + 8 + mails);
        String summary = summary(run.check());
        ledger.finish(JOB, companyId, today, summary);
        LOG.log(Level.INFO, "Daily patch check of company {0} ({1}) for {2}: {3}", companyId, company.getName(),
                today, summary);
        return Optional.of(run.check());
    }

    /** Runs the check now for the company's admins: refreshes the board, mails only newly overdue devices. */
    public PatchCheck runNow(long companyId, String sourceAddress) {
        Membership member = access.require(companyId, Permission.MANAGE_COMPANY);
        Company company = member.getCompany();
        LocalDate today = status.today(company);
        Evaluated run = evaluate(company, today, PatchCheck.Kind.MANUAL, member.getUser().getEmail());
        int reads = 0;
        int mails = 0;
        if (!run.newly().isEmpty()) {
            List<PatchDigest.DeviceLine> lines = run.newly().stream().map(o -> new PatchDigest.DeviceLine(
                    o.deviceId(), o.name(), o.type(), o.lastPatchDate(), o.daysOverdue(), true)).toList();
            reads++;
            mails = mail(companyId, members.withSecurityDuty(companyId), new PatchDigest(publicUrl)
                    .becameOverdue(companyId, company.getName(), today, lines));
        }
        // plus the check's JPA statements: membership, overrides, check insert and update, trail, one per mail
        finish(run, run.evaluation().counts(companyId), mails, reads + 5 + mails);
        trail.record(companyId, member.getUser().getId(), member.getUser().getEmail(), "patch-check.run", null,
                summary(run.check()), sourceAddress);
        return run.check();
    }

    /** The company's past checks, newest first. */
    public List<PatchCheck> runs(long companyId, int max) {
        access.require(companyId, Permission.VIEW);
        return em.createQuery("SELECT c FROM PatchCheck c WHERE c.companyId = :company "
                        + "ORDER BY c.startedAt DESC, c.id DESC", PatchCheck.class)
                .setParameter("company", companyId)
                .setMaxResults(Math.max(1, Math.min(max, 500)))
                .getResultList();
    }

    private record Evaluated(PatchCheck check, PatchEvaluation evaluation, List<PatchEvaluation.Overdue> newly) {
    }

    private record Content(PatchDigest.Content digest, int reads) {
    }

    /**
     * The steps every check takes: record it, evaluate every device, stamp the newly overdue ones and report each
     * (a WARNING in the log, a {@code device.overdue} trail event).
     */
    private Evaluated evaluate(Company company, LocalDate today, PatchCheck.Kind kind, String by) {
        PatchEvaluation evaluation = status.evaluation();
        PatchCheck check = new PatchCheck(company.getId(), today, kind, by, now());
        em.persist(check);
        em.flush();
        evaluation.evaluate(company.getId(), today, status.rules(company.getId()));
        List<PatchEvaluation.Overdue> newly = evaluation.reportNewlyOverdue(company.getId(), check.getId(), today);
        for (PatchEvaluation.Overdue device : newly) {
            LOG.log(Level.WARNING, "Patch check: device \"{0}\" of company \"{1}\" (id {2}) is {3} day(s) overdue; "
                    + "last patched {4}", device.name(), company.getName(), company.getId(), device.daysOverdue(),
                    device.lastPatchDate());
        }
        trail.recordAll(newly.stream().map(device -> new TrailEntry(company.getId(), null, "patch check",
                "device.overdue", device.name(), device.trailDetail(company.getName()), null, false)).toList());
        OffsetDateTime now = now();
        feed.publish(newly.stream().map(device -> new FeedEvent(company.getId(), now, FeedEvent.Types.DEVICE_OVERDUE,
                "high", null, null, null, null, device.name(), null, "OVERDUE",
                device.trailDetail(company.getName()))).toList());
        return new Evaluated(check, evaluation, newly);
    }

    /**
     * {@code others}: statements other components ran for it. The trail's write counts as two (its ids and its
     * COPY on PostgreSQL; on H2, one multi-row insert per 500 devices).
     */
    private void finish(Evaluated run, Map<PatchStatus, Integer> counts, int mails, int others) {
        int statements = run.evaluation().statements() + (run.newly().isEmpty() ? 0 : 2) + others;
        run.check().finish(counts, run.newly().size(), mails, statements, now());
    }

    private int mail(long companyId, List<String> recipients, PatchDigest.Mail mail) {
        for (String recipient : recipients) {
            outbox.fire(new MailRequest(companyId, recipient, mail.subject(), mail.text(), mail.html(), false));
        }
        return recipients.size();
    }

    /** Each agent silent for longer than the policy allows, as an {@code agent.stale} feed event (daily). */
    private int publishStale(Company company, PatchPolicy policy) {
        OffsetDateTime now = now();
        feed.publish(endpoints.stale(company.getId(), now.minusHours(policy.getStaleAgentHours()), LIST_MAX).stream()
                .map(e -> new FeedEvent(company.getId(), now, FeedEvent.Types.AGENT_STALE, "medium", e.id(),
                        e.hostname(), null, null, "agent on " + e.hostname(), null, "STALE",
                        e.lastSeenAt() == null ? "never" : e.lastSeenAt().toString()))
                .toList());
        return 1;
    }

    private Content content(Company company, PatchPolicy policy, LocalDate today, Evaluated run,
            Map<PatchStatus, Integer> counts) {
        long companyId = company.getId();
        long checkId = run.check().getId();
        PatchEvaluation evaluation = run.evaluation();
        OffsetDateTime now = now();
        List<PatchDigest.StaleAgent> stale = endpoints.stale(companyId, now.minusHours(policy.getStaleAgentHours()),
                        LIST_MAX).stream()
                .map(e -> new PatchDigest.StaleAgent(e.id(), e.hostname(),
                        Times.human(e.lastSeenAt(), Times.zone(company.getTimeZone()))))
                .toList();
        AuditFindings.Findings findings = audits.since(companyId, now.minusHours(24), now, LIST_MAX);
        DigestSections more = more(companyId, now.minusHours(24), now);
        return new Content(new PatchDigest.Content(companyId, company.getName(), today,
                lines(companyId, PatchStatus.OVERDUE, today, checkId, evaluation),
                counts.getOrDefault(PatchStatus.OVERDUE, 0),
                lines(companyId, PatchStatus.DUE_SOON, today, checkId, evaluation),
                counts.getOrDefault(PatchStatus.DUE_SOON, 0),
                lines(companyId, PatchStatus.UNKNOWN, today, checkId, evaluation),
                counts.getOrDefault(PatchStatus.UNKNOWN, 0),
                policy.getStaleAgentHours(), stale, findings(findings.scoreDrops()),
                findings(findings.newFailures()), findings(findings.failedToStart()), more.sections()),
                1 + findings.statements() + more.statements());
    }

    /** What other components add to the digest (the day's remediations, ...), and the statements they ran. */
    private DigestSections more(long companyId, OffsetDateTime since, OffsetDateTime now) {
        DigestSections sections = new DigestSections(companyId, since, now);
        digestSections.fire(sections);
        return sections;
    }

    private static List<PatchDigest.Finding> findings(List<AuditFindings.Finding> found) {
        return found.stream().map(f -> new PatchDigest.Finding(f.auditId(), f.hostname(), f.text())).toList();
    }

    private List<PatchDigest.DeviceLine> lines(long companyId, PatchStatus wanted, LocalDate today, long checkId,
            PatchEvaluation evaluation) {
        return evaluation.query("SELECT id, name, device_type, last_patch_date, expiry, overdue_check_id "
                        + "FROM device WHERE company_id = ? AND status = ? ORDER BY expiry, name_key LIMIT " + LIST_MAX,
                        companyId, wanted.name()).stream()
                .map(r -> {
                    LocalDate expiry = PatchEvaluation.toDate(r[4]);
                    Integer daysLeft = expiry == null ? null : (int) ChronoUnit.DAYS.between(today, expiry);
                    Integer days = daysLeft == null ? null : wanted == PatchStatus.OVERDUE ? -daysLeft : daysLeft;
                    boolean newly = r[5] != null && ((Number) r[5]).longValue() == checkId;
                    return new PatchDigest.DeviceLine(((Number) r[0]).longValue(), (String) r[1], (String) r[2],
                            PatchEvaluation.toDate(r[3]), days, newly);
                })
                .toList();
    }

    private static String summary(PatchCheck check) {
        return check.getDevices() + " device(s): " + check.getOverdue() + " overdue (" + check.getNewlyOverdue()
                + " new), " + check.getDueSoon() + " due soon, " + check.getUnknown() + " unknown, "
                + check.getCurrent() + " current; " + check.getMails() + " mail(s); " + check.getStatements()
                + " SQL statement(s)";
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

}
