package org.caart.audit.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import org.caart.audit.control.AuditRemoval;
import org.caart.audit.entity.RemovedAudits;
import org.caart.company.boundary.Access;
import org.caart.company.entity.Company;
import org.caart.company.entity.Membership;
import org.caart.company.entity.Permission;
import org.caart.platform.InvalidInputException;
import org.caart.platform.TrailRecorder;
import org.caart.platform.jobs.JobLedger;

/**
 * How long a company keeps its audits, and their removal: the owner deletes the audits created before a date
 * (typing the company's name to confirm), or sets a number of days after which the daily {@code audit-retention}
 * job removes them. Pending and running audits stay. Each removal is a trail entry, which the trail keeps.
 */
@Stateless
public class AuditRetention {

    public static final String JOB = "audit-retention";
    public static final int MAX_DAYS = 36_500;
    private static final System.Logger LOG = System.getLogger(AuditRetention.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    Access access;

    @Inject
    AuditRemoval removal;

    @Inject
    TrailRecorder trail;

    @Inject
    JobLedger ledger;

    @Inject
    Clock clock;

    /** Days the company keeps its audits; empty = for ever. Any member may read it. */
    public Optional<Integer> keepDays(long companyId) {
        access.require(companyId, Permission.VIEW);
        return stored(companyId);
    }

    /** Sets (or, with null, clears) the days audits are kept; owners only. */
    public void keep(long companyId, Integer days, String sourceAddress) {
        Membership owner = access.require(companyId, Permission.MANAGE_DATA);
        if (days != null && (days < 1 || days > MAX_DAYS)) {
            throw new InvalidInputException("keepDays", "Keep audits between 1 and " + MAX_DAYS
                    + " days, or leave it empty to keep them for ever");
        }
        em.createNativeQuery("DELETE FROM audit_retention WHERE company_id = ?1").setParameter(1, companyId)
                .executeUpdate();
        if (days != null) {
            em.createNativeQuery("INSERT INTO audit_retention (company_id, keep_days, changed_by, changed_at) "
                    + "VALUES (?1, ?2, ?3, ?4)").setParameter(1, companyId).setParameter(2, days)
                    .setParameter(3, owner.getUser().getEmail()).setParameter(4, OffsetDateTime.now(clock))
                    .executeUpdate();
        }
        trail.record(companyId, owner.getUser().getId(), owner.getUser().getEmail(), "audit.retention",
                owner.getCompany().getName(), days == null ? "audits kept for ever" : "audits kept " + days + " days",
                sourceAddress);
    }

    /**
     * Deletes the company's finished audits created before the start of {@code day} in the company's time zone,
     * with their runs and results. {@code confirmation} must be the company's name.
     */
    public RemovedAudits deleteBefore(long companyId, LocalDate day, String confirmation,
            String sourceAddress) {
        Membership owner = access.require(companyId, Permission.MANAGE_DATA);
        Company company = owner.getCompany();
        if (day == null) {
            throw new InvalidInputException("before", "Choose the date: audits created before it are deleted");
        }
        if (confirmation == null || !confirmation.strip().equals(company.getName())) {
            throw new InvalidInputException("confirmation", "Type the company's name to confirm the deletion");
        }
        RemovedAudits removed = removal.removeBefore(companyId, day.atStartOfDay(company.zoneId())
                .toOffsetDateTime());
        trail.record(companyId, owner.getUser().getId(), owner.getUser().getEmail(), "audit.delete-before",
                company.getName(), describe(removed, "created before " + day), sourceAddress);
        LOG.log(Level.INFO, "Company {0}: {1}", companyId, describe(removed, "created before " + day));
        return removed;
    }

    /** The companies that keep their audits for a limited time (the daily job's scopes). */
    public List<Long> limited() {
        return ((List<?>) em.createNativeQuery("SELECT company_id FROM audit_retention ORDER BY company_id")
                .getResultList()).stream().map(id -> ((Number) id).longValue()).toList();
    }

    /** Once per company and UTC day: removes the audits past the company's retention (own transaction). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void applyIfDue(long companyId) {
        Optional<Integer> days = stored(companyId);
        LocalDate today = ZonedDateTime.now(clock.withZone(ZoneOffset.UTC)).toLocalDate();
        if (days.isEmpty() || !ledger.claim(JOB, companyId, today)) {
            return;
        }
        OffsetDateTime before = OffsetDateTime.now(clock).minusDays(days.get());
        RemovedAudits removed = removal.removeBefore(companyId, before);
        String detail = describe(removed, "older than " + days.get() + " days");
        if (removed.audits() > 0) {
            trail.record(companyId, null, "retention", "audit.retention-removed", null, detail, null);
        }
        ledger.finish(JOB, companyId, today, detail);
        LOG.log(Level.INFO, "Daily job {0} for company {1}: {2}", JOB, companyId, detail);
    }

    private Optional<Integer> stored(long companyId) {
        List<?> rows = em.createNativeQuery("SELECT keep_days FROM audit_retention WHERE company_id = ?1")
                .setParameter(1, companyId).getResultList();
        return rows.isEmpty() ? Optional.empty() : Optional.of(((Number) rows.get(0)).intValue());
    }

    private static String describe(RemovedAudits removed, String which) {
        return removed.audits() + " audits " + which + " deleted (" + removed.runs() + " runs, " + removed.results()
                + " results)";
    }
}
