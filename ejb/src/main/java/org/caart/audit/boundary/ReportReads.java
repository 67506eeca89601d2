package org.caart.audit.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.caart.audit.control.ExceptedChecks;
import org.caart.audit.entity.Audit;
import org.caart.audit.entity.AuditRun;
import org.caart.audit.entity.AuditStatus;
import org.caart.audit.entity.RunStatus;
import org.caart.audit.entity.Score;
import org.caart.company.boundary.Access;
import org.caart.company.entity.Permission;
import org.caart.contract.agent.v1.CheckStatus;
import org.caart.contract.agent.v1.Severity;
import org.caart.endpoint.entity.EndpointStatus;
import org.caart.platform.NotFoundException;

/**
 * The read model audit publishes for reports and exports (component {@code report}): the runs of an audit, the
 * standing runs of an endpoint or a company (the dashboard's definition: per endpoint and policy the newest completed
 * run), and their results in pages by id, as records. Each call is its own short read-only transaction and checks the
 * caller's {@code VIEW} permission, so a report of any size streams in pages with bounded memory.
 */
@Stateless
public class ReportReads {

    @Inject
    ExceptedChecks exceptedChecks;

    /** The most results one page returns. */
    public static final int PAGE_MAX = 2000;

    @PersistenceContext
    EntityManager em;

    @Inject
    Access access;

    public record AuditHeader(long id, String title, AuditStatus status, OffsetDateTime createdAt,
            OffsetDateTime startedAt, OffsetDateTime finishedAt, String policyChoice) {
    }

    /** One run as a report shows it; its {@link #score} is {@link Score}'s. */
    public record RunHeader(String runId, long auditId, String auditTitle, long endpointId, String hostname, String os,
            String policyId, String policyName, RunStatus status, OffsetDateTime startedAt, OffsetDateTime finishedAt,
            int planned, int received, int passed, int failed, int notApplicable, int errors, int notRun) {

        public Double score() {
            return Score.ofRun(status, passed, failed);
        }

        public String scoreLabel() {
            return Score.label(status, passed, failed);
        }
    }

    /** One check result with its evidence and its check's texts. */
    public record ResultRow(long id, String runId, String checkId, String title, CheckStatus status,
            Severity severity, String reason, String expected, String observed, String references, String description,
            String rationale, String remediation, OffsetDateTime receivedAt) {
    }

    public AuditHeader audit(long companyId, long auditId) {
        access.require(companyId, Permission.VIEW);
        Audit a = em.createQuery("SELECT a FROM Audit a WHERE a.id = :id AND a.company.id = :company", Audit.class)
                .setParameter("id", auditId).setParameter("company", companyId)
                .getResultStream().findFirst().orElseThrow(() -> new NotFoundException("Audit"));
        return new AuditHeader(a.getId(), a.getTitle(), a.getStatus(), a.getCreatedAt(), a.getStartedAt(),
                a.getFinishedAt(), a.getPolicyChoice());
    }

    /** The audit's runs, by host name. */
    public List<RunHeader> auditRuns(long companyId, long auditId) {
        audit(companyId, auditId);
        return em.createQuery("SELECT r FROM AuditRun r JOIN FETCH r.endpoint JOIN FETCH r.audit "
                        + "WHERE r.audit.id = :audit AND r.companyId = :company "
                        + "ORDER BY r.endpoint.hostname, r.policyName", AuditRun.class)
                .setParameter("audit", auditId).setParameter("company", companyId)
                .getResultStream().map(ReportReads::header).toList();
    }

    /**
     * The standing runs (per endpoint and policy the newest completed run, ties to the smaller id as on the
     * dashboard) of the company's active endpoints, or of one endpoint of the company (whatever its status).
     */
    public List<RunHeader> standingRuns(long companyId, Long endpointId) {
        access.require(companyId, Permission.VIEW);
        if (endpointId != null && em.createQuery("SELECT COUNT(e) FROM Endpoint e WHERE e.id = :id "
                        + "AND e.company.id = :company", Long.class)
                .setParameter("id", endpointId).setParameter("company", companyId).getSingleResult() == 0) {
            throw new NotFoundException("Endpoint");
        }
        TypedQuery<AuditRun> query = em.createQuery("SELECT r FROM AuditRun r JOIN FETCH r.endpoint e "
                        + "JOIN FETCH r.audit WHERE r.companyId = :company AND r.status = :completed "
                        + (endpointId == null ? "AND e.status = :active " : "AND e.id = :endpoint ")
                        + "AND NOT EXISTS (SELECT o.id FROM AuditRun o WHERE o.endpoint = r.endpoint "
                        + "AND o.policyId = r.policyId AND o.status = :completed AND (o.finishedAt > r.finishedAt "
                        + "OR (o.finishedAt = r.finishedAt AND o.id < r.id))) "
                        + "ORDER BY e.hostname, r.policyName, r.id", AuditRun.class)
                .setParameter("company", companyId).setParameter("completed", RunStatus.COMPLETED);
        if (endpointId == null) {
            query.setParameter("active", EndpointStatus.ACTIVE);
        } else {
            query.setParameter("endpoint", endpointId);
        }
        return query.getResultStream().map(ReportReads::header).toList();
    }

    /** A page of a run's results: those with an id above {@code afterId}, by id, at most {@link #PAGE_MAX}. */
    public List<ResultRow> results(long companyId, String runId, long afterId, int max) {
        access.require(companyId, Permission.VIEW);
        return em.createQuery("SELECT c.id, c.runId, c.checkId, c.title, c.status, c.severity, c.reason, c.expected, "
                        + "c.observed, t.refs, t.description, t.rationale, t.remediation, c.receivedAt "
                        + "FROM CheckResult c LEFT JOIN c.text t WHERE c.companyId = :company AND c.runId = :run "
                        + "AND c.id > :after ORDER BY c.id", Object[].class)
                .setParameter("company", companyId).setParameter("run", runId).setParameter("after", afterId)
                .setMaxResults(Math.max(1, Math.min(max, PAGE_MAX)))
                .getResultStream().map(r -> new ResultRow((Long) r[0], (String) r[1], (String) r[2], (String) r[3],
                        (CheckStatus) r[4], (Severity) r[5], (String) r[6], (String) r[7], (String) r[8],
                        (String) r[9], (String) r[10], (String) r[11], (String) r[12], (OffsetDateTime) r[13]))
                .toList();
    }

    /** The ids of the checks that failed in a run (for the score with exceptions). */
    public Set<String> failedChecks(long companyId, String runId) {
        access.require(companyId, Permission.VIEW);
        return new HashSet<>(em.createQuery("SELECT c.checkId FROM CheckResult c WHERE c.companyId = :company "
                        + "AND c.runId = :run AND c.status = :failed", String.class)
                .setParameter("company", companyId).setParameter("run", runId)
                .setParameter("failed", CheckStatus.FAILED).getResultList());
    }

    private static RunHeader header(AuditRun r) {
        return new RunHeader(r.getId(), r.getAudit().getId(), r.getAudit().getTitle(), r.getEndpoint().getId(),
                r.getEndpoint().getHostname(), r.getEndpoint().getOs(), r.getPolicyId(), r.getPolicyName(),
                r.getStatus(), r.getStartedAt(), r.getFinishedAt(), r.getPlanned(), r.getReceived(), r.getPassed(),
                r.getFailed(), r.getNotApplicable(), r.getErrors(), r.getNotRun());
    }

    /**
     * Per run id, the checks whose failed result an exception in force now covers, with the exception's id (the
     * exceptions' component answers the {@link ExceptionsInForce} event; an exception holds for the observed values
     * it was granted for).
     */
    public Map<String, Map<String, Long>> exceptedChecks(long companyId, List<RunHeader> runs) {
        access.require(companyId, Permission.VIEW);
        if (runs.isEmpty()) {
            return Map.of();
        }
        Map<Long, List<String>> tags = new HashMap<>();
        List<Long> endpoints = runs.stream().map(RunHeader::endpointId).distinct().toList();
        for (int from = 0; from < endpoints.size(); from += 1000) {
            em.createQuery("SELECT e.id, e.tags FROM Endpoint e WHERE e.id IN :ids", Object[].class)
                    .setParameter("ids", endpoints.subList(from, Math.min(endpoints.size(), from + 1000)))
                    .getResultList().forEach(e -> tags.put((Long) e[0], e[1] == null ? List.of()
                            : List.of(((String) e[1]).split(","))));
        }
        return exceptedChecks.checksOf(companyId, runs.stream().map(r -> new ExceptedChecks.RunKey(r.runId(),
                r.endpointId(), tags.getOrDefault(r.endpointId(), List.of()), r.policyId())).toList());
    }
}
