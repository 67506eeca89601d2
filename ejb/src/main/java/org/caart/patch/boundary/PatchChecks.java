package org.caart.patch.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.lang.System.Logger.Level;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.caart.audit.control.AuditProgress;
import org.caart.company.boundary.Access;
import org.caart.company.entity.Company;
import org.caart.company.entity.Membership;
import org.caart.company.entity.Permission;
import org.caart.patch.control.DeviceStatus;
import org.caart.patch.control.PatchDigest;
import org.caart.patch.control.PatchEvaluation;
import org.caart.patch.entity.PatchCheck;
import org.caart.patch.entity.PatchPolicy;
import org.caart.patch.entity.PatchStatus;
import org.caart.platform.DigestSections;
import org.caart.platform.MailRequest;
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
    Clock clock;

    @Inject
    DeviceStatus status;

    @Inject
    JobLedger ledger;

    @Inject
    Event<MailRequest> outbox;

    @Inject
    AuditProgress auditProgress;

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
        PatchEvaluation evaluation = status.evaluation();
        PatchCheck check = new PatchCheck(companyId, today, PatchCheck.Kind.DAILY, null, now());
        em.persist(check);
        em.flush();
        evaluation.evaluate(companyId, today, status.rules(companyId));
        List<PatchEvaluation.Overdue> newly = report(company, today, check, evaluation);
        Map<PatchStatus, Integer> counts = evaluation.counts(companyId);
        List<String> recipients = recipients(companyId, evaluation);
        int mails = 0;
        if (!recipients.isEmpty()) {
            PatchDigest.Mail digest = new PatchDigest(publicUrl).daily(content(company, policy, today, check,
                    counts, evaluation));
            for (String recipient : recipients) {
                outbox.fire(new MailRequest(companyId, recipient, digest.subject(), digest.text(), digest.html(),
                        false));
                mails++;
            }
        }
        // the evaluation counts its own statements; add the check's JPA ones: company, policy, overrides, ledger
        // claim, check insert and update, ledger finish (read + update), one insert per mail
        check.finish(counts, newly.size(), mails, evaluation.statements() + 8 + mails, now());
        String summary = summary(check);
        ledger.finish(JOB, companyId, today, summary);
        LOG.log(Level.INFO, "Daily patch check of company {0} ({1}) for {2}: {3}", companyId, company.getName(),
                today, summary);
        return Optional.of(check);
    }

    /** Runs the check now for the company's admins: refreshes the board, mails only newly overdue devices. */
    public PatchCheck runNow(long companyId, String sourceAddress) {
        Membership member = access.require(companyId, Permission.MANAGE_COMPANY);
        Company company = member.getCompany();
        LocalDate today = status.today(company);
        PatchEvaluation evaluation = status.evaluation();
        PatchCheck check = new PatchCheck(companyId, today, PatchCheck.Kind.MANUAL, member.getUser().getEmail(),
                now());
        em.persist(check);
        em.flush();
        evaluation.evaluate(companyId, today, status.rules(companyId));
        List<PatchEvaluation.Overdue> newly = report(company, today, check, evaluation);
        int mails = 0;
        if (!newly.isEmpty()) {
            List<PatchDigest.DeviceLine> lines = newly.stream().map(o -> new PatchDigest.DeviceLine(o.deviceId(),
                    o.name(), type(o.deviceId()), o.lastPatchDate(), o.daysOverdue(), true)).toList();
            PatchDigest.Mail notice = new PatchDigest(publicUrl).becameOverdue(companyId, company.getName(), today,
                    lines);
            for (String recipient : recipients(companyId, evaluation)) {
                outbox.fire(new MailRequest(companyId, recipient, notice.subject(), notice.text(), notice.html(),
                        false));
                mails++;
            }
        }
        // plus the check's JPA statements: membership, overrides, check insert and update, trail, one per mail
        check.finish(evaluation.counts(companyId), newly.size(), mails, evaluation.statements() + 5 + mails, now());
        trail.record(companyId, member.getUser().getId(), member.getUser().getEmail(), "patch-check.run", null,
                summary(check), sourceAddress);
        return check;
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

    private List<PatchEvaluation.Overdue> report(Company company, LocalDate today, PatchCheck check,
            PatchEvaluation evaluation) {
        List<PatchEvaluation.Overdue> newly = evaluation.reportNewlyOverdue(company.getId(), check.getId(), today,
                now());
        for (PatchEvaluation.Overdue device : newly) {
            LOG.log(Level.WARNING, "Patch check: device \"{0}\" of company \"{1}\" (id {2}) is {3} day(s) overdue; "
                    + "last patched {4}", device.name(), company.getName(), company.getId(), device.daysOverdue(),
                    device.lastPatchDate());
        }
        return newly;
    }

    private List<String> recipients(long companyId, PatchEvaluation evaluation) {
        return evaluation.query("SELECT DISTINCT u.email FROM membership m JOIN user_account u ON u.id = m.user_id "
                        + "WHERE m.company_id = ? AND (m.ciso = TRUE OR m.security_tech = TRUE) AND u.enabled = TRUE "
                        + "ORDER BY u.email", companyId).stream().map(row -> (String) row[0]).toList();
    }

    private PatchDigest.Content content(Company company, PatchPolicy policy, LocalDate today, PatchCheck check,
            Map<PatchStatus, Integer> counts, PatchEvaluation evaluation) {
        long companyId = company.getId();
        OffsetDateTime now = now();
        // runs past their start deadline are marked FAILED_TO_START when read; the digest reads them now
        auditProgress.failOverdueStarts(now);
        List<PatchDigest.StaleAgent> stale = evaluation.query("SELECT id, hostname, last_seen_at FROM endpoint "
                        + "WHERE company_id = ? AND status = 'ACTIVE' AND last_seen_at < ? ORDER BY last_seen_at LIMIT "
                        + LIST_MAX, companyId, now.minusHours(policy.getStaleAgentHours())).stream()
                .map(r -> new PatchDigest.StaleAgent(((Number) r[0]).longValue(), (String) r[1], time(r[2])))
                .toList();
        OffsetDateTime since = now.minusHours(24);
        List<PatchDigest.Finding> failedToStart = evaluation.query("SELECT r.audit_id, e.hostname, r.error "
                        + "FROM audit_run r JOIN endpoint e ON e.id = r.endpoint_id WHERE r.company_id = ? "
                        + "AND r.status = 'FAILED_TO_START' AND r.finished_at >= ? ORDER BY e.hostname LIMIT " + LIST_MAX,
                        companyId, since).stream()
                .map(r -> new PatchDigest.Finding(((Number) r[0]).longValue(), (String) r[1],
                        r[2] == null ? "did not start" : (String) r[2]))
                .toList();
        List<PatchDigest.Finding> drops = new ArrayList<>();
        List<PatchDigest.Finding> failures = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        for (Object[] run : evaluation.query("SELECT r.id, r.audit_id, r.endpoint_id, e.hostname, r.policy_id, "
                + "r.passed, r.failed, r.finished_at FROM audit_run r JOIN endpoint e ON e.id = r.endpoint_id "
                + "WHERE r.company_id = ? AND r.status = 'COMPLETED' AND r.finished_at >= ? "
                + "ORDER BY r.finished_at DESC LIMIT 1000", companyId, since)) {
            long endpointId = ((Number) run[2]).longValue();
            if (!seen.add(endpointId) || seen.size() > LIST_MAX) {
                continue;
            }
            List<Object[]> previous = evaluation.query("SELECT id, passed, failed FROM audit_run WHERE endpoint_id = ? "
                    + "AND policy_id = ? AND status = 'COMPLETED' AND finished_at < ? ORDER BY finished_at DESC LIMIT 1",
                    endpointId, run[4], run[7]);
            if (previous.isEmpty()) {
                continue;
            }
            long auditId = ((Number) run[1]).longValue();
            String host = (String) run[3];
            Double before = score(previous.get(0)[1], previous.get(0)[2]);
            Double after = score(run[5], run[6]);
            if (before != null && after != null && after < before - 0.0005) {
                drops.add(new PatchDigest.Finding(auditId, host, "score fell from " + percent(before) + " to "
                        + percent(after)));
            }
            for (Object[] failing : evaluation.query("SELECT c.check_id, c.title, c.severity FROM check_result c "
                    + "WHERE c.run_id = ? AND c.status = 'FAILED' AND c.severity IN ('HIGH', 'CRITICAL') AND EXISTS ("
                    + "SELECT 1 FROM check_result p WHERE p.run_id = ? AND p.check_id = c.check_id "
                    + "AND p.status = 'PASSED') ORDER BY c.check_id LIMIT 50", run[0], previous.get(0)[0])) {
                failures.add(new PatchDigest.Finding(auditId, host, failing[0] + " " + failing[1] + " ("
                        + String.valueOf(failing[2]).toLowerCase(java.util.Locale.ROOT) + ")"));
            }
        }
        return new PatchDigest.Content(companyId, company.getName(), today,
                lines(companyId, PatchStatus.OVERDUE, today, check.getId(), evaluation),
                counts.getOrDefault(PatchStatus.OVERDUE, 0),
                lines(companyId, PatchStatus.DUE_SOON, today, check.getId(), evaluation),
                counts.getOrDefault(PatchStatus.DUE_SOON, 0),
                lines(companyId, PatchStatus.UNKNOWN, today, check.getId(), evaluation),
                counts.getOrDefault(PatchStatus.UNKNOWN, 0),
                policy.getStaleAgentHours(), stale, drops, failures, failedToStart, more(companyId, since, now));
    }

    /** What other components add to the digest (the day's remediations, ...). */
    private List<DigestSections.Section> more(long companyId, OffsetDateTime since, OffsetDateTime now) {
        DigestSections sections = new DigestSections(companyId, since, now);
        digestSections.fire(sections);
        return sections.sections();
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

    private String type(long deviceId) {
        return (String) em.createNativeQuery("SELECT device_type FROM device WHERE id = ?")
                .setParameter(1, deviceId).getSingleResult();
    }

    private static Double score(Object passed, Object failed) {
        int p = ((Number) passed).intValue();
        int f = ((Number) failed).intValue();
        return p + f == 0 ? null : (double) p / (p + f);
    }

    private static String percent(double score) {
        return Math.round(score * 1000) / 10.0 + "%";
    }

    private static OffsetDateTime time(Object value) {
        if (value instanceof OffsetDateTime time) {
            return time;
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant().atOffset(ZoneOffset.UTC);
        }
        return value == null ? null : OffsetDateTime.parse(value.toString());
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
