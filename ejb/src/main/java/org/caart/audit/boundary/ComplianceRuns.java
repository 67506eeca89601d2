package org.caart.audit.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Optional;
import org.caart.audit.entity.Audit;
import org.caart.company.entity.Company;
import org.caart.platform.jobs.JobLedger;

/**
 * The nightly compliance run: once per company and local day, after the company's compliance hour (default 02:00,
 * one of the company's patch settings: patch's daily job passes it), every active endpoint gets an audit with the
 * company's default policy. Its findings go into the morning digest.
 */
@Stateless
public class ComplianceRuns {

    public static final String JOB = "compliance-run";

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    JobLedger ledger;

    @Inject
    Audits audits;

    /** The run, when it is due for the company (its own transaction: one company's failure stays its own). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Optional<Audit> nightlyIfDue(long companyId, int complianceHour) {
        Company company = em.find(Company.class, companyId);
        if (company == null) {
            return Optional.empty();
        }
        long active = em.createQuery("SELECT COUNT(e) FROM Endpoint e WHERE e.company.id = :company "
                        + "AND e.status = org.caart.endpoint.entity.EndpointStatus.ACTIVE", Long.class)
                .setParameter("company", companyId).getSingleResult();
        if (active == 0) {
            return Optional.empty(); // nothing to audit: no run to record either
        }
        ZonedDateTime local = ZonedDateTime.now(clock.withZone(company.zoneId()));
        LocalDate today = local.toLocalDate();
        if (local.getHour() < complianceHour || !ledger.claim(JOB, companyId, today)) {
            return Optional.empty();
        }
        Optional<Audit> audit = audits.nightly(companyId, today);
        ledger.finish(JOB, companyId, today, audit.map(a -> "audit " + a.getId() + " started")
                .orElse("no active endpoint"));
        return audit;
    }
}
