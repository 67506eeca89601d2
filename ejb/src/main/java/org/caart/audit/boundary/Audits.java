package org.caart.audit.boundary;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.caart.account.entity.UserAccount;
import org.caart.audit.control.AuditProgress;
import org.caart.audit.control.ExceptedChecks;
import org.caart.audit.entity.Audit;
import org.caart.audit.entity.AuditRun;
import org.caart.audit.entity.CheckResult;
import org.caart.audit.entity.RunStatus;
import org.caart.company.boundary.Access;
import org.caart.company.entity.Company;
import org.caart.company.entity.Membership;
import org.caart.company.entity.Permission;
import org.caart.contract.agent.v1.CheckResultView;
import org.caart.contract.agent.v1.CheckStatus;
import org.caart.contract.agent.v1.Severity;
import org.caart.endpoint.entity.Endpoint;
import org.caart.platform.ConflictException;
import org.caart.platform.InvalidInputException;
import org.caart.platform.NotFoundException;
import org.caart.platform.TrailRecorder;
import org.caart.policy.boundary.BuiltInPolicies;
import org.caart.policy.boundary.Policies;
import org.caart.policy.boundary.PolicyRemoval;
import org.caart.policy.entity.UploadedPolicy;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Audits in the portal: create (UC5), observe (UC6), stop (UC7), history. */
@Stateless
public class Audits {

    /** The title of nightly compliance runs, followed by the company's local date. */
    public static final String NIGHTLY_TITLE = "Nightly compliance run ";
    private static final System.Logger LOG = System.getLogger(Audits.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    Access access;

    @Inject
    TrailRecorder trail;

    @Inject
    Clock clock;

    @Inject
    AuditProgress progress;

    @Inject
    Policies policies;

    @Inject
    ExceptedChecks exceptedChecks;

    @Inject
    @ConfigProperty(name = "caart.audit.start-deadline-minutes", defaultValue = "30")
    int startDeadlineMinutes;

    public Audit create(long companyId, AuditRequest request, String sourceAddress) {
        Membership member = access.require(companyId, Permission.RUN_AUDITS);
        String title = request.title() == null ? "" : request.title().strip();
        if (title.isEmpty() || title.length() > Audit.TITLE_MAX) {
            throw new InvalidInputException("title", "An audit title has 1 to " + Audit.TITLE_MAX + " characters");
        }
        String policy = request.policy() == null || request.policy().isBlank() ? BuiltInPolicies.DEFAULT
                : request.policy().strip();
        Function<Endpoint, RunPolicy> chooser = chooser(member.getCompany(), policy);
        List<Endpoint> targets = targets(companyId, request);
        if (targets.isEmpty()) {
            throw new InvalidInputException("endpoints", "Choose at least one active endpoint");
        }
        Audit audit = start(member.getCompany(), member.getUser(), title, policy, targets, chooser);
        trail.record(companyId, member.getUser().getId(), member.getUser().getEmail(), "audit.create", title,
                targets.size() + " endpoint(s), policy " + policy, sourceAddress);
        return audit;
    }

    /** An uploaded policy that an open run has yet to receive cannot be deleted. */
    public void refuseRemovalInUse(@Observes PolicyRemoval removal) {
        long open = em.createQuery("SELECT COUNT(r) FROM AuditRun r WHERE r.companyId = :company "
                        + "AND r.policyId = :choice AND r.status IN :open", Long.class)
                .setParameter("company", removal.companyId()).setParameter("choice", removal.choice())
                .setParameter("open", List.of(RunStatus.QUEUED, RunStatus.RUNNING))
                .getSingleResult();
        if (open > 0) {
            throw new ConflictException("An audit still running on " + open + " endpoint(s) uses this policy; "
                    + "stop it or wait for it to finish");
        }
    }

    /**
     * The nightly compliance run: an audit of every active endpoint of the company with its default policy per OS
     * family. Called by the daily jobs, which make it happen once per company and day; empty without endpoints.
     */
    public Optional<Audit> nightly(long companyId, LocalDate day) {
        Company company = em.find(Company.class, companyId);
        List<Endpoint> active = em.createQuery("SELECT e FROM Endpoint e WHERE e.company.id = :company "
                        + "AND e.status = org.caart.endpoint.entity.EndpointStatus.ACTIVE ORDER BY e.hostname",
                        Endpoint.class)
                .setParameter("company", companyId).getResultList();
        if (company == null || active.isEmpty()) {
            return Optional.empty();
        }
        String title = NIGHTLY_TITLE + day;
        Audit audit = start(company, null, title, BuiltInPolicies.DEFAULT, active,
                chooser(company, BuiltInPolicies.DEFAULT));
        trail.record(companyId, null, "compliance schedule", "audit.create", title,
                active.size() + " endpoint(s), policy " + BuiltInPolicies.DEFAULT, null);
        return Optional.of(audit);
    }

    /** The policy one endpoint's run uses; the same for every endpoint unless the choice is "default". */
    private record RunPolicy(String id, String name) {
    }

    /**
     * What a policy choice means per endpoint: the company's default for its OS family, a built-in policy, or a
     * policy this company uploaded ({@code upload:<id>}; another company's id is not found, as for endpoints).
     */
    private Function<Endpoint, RunPolicy> chooser(Company company, String policy) {
        if (policy.equals(BuiltInPolicies.DEFAULT)) {
            return endpoint -> {
                BuiltInPolicies.Policy chosen = BuiltInPolicies.defaultFor(company, endpoint.getOsFamily());
                return new RunPolicy(chosen.id(), chosen.name());
            };
        }
        if (UploadedPolicy.idOfChoice(policy).isPresent()) {
            UploadedPolicy uploaded = policies.chosen(company.getId(), policy);
            RunPolicy chosen = new RunPolicy(uploaded.choice(), uploaded.getName());
            return endpoint -> chosen;
        }
        BuiltInPolicies.Policy builtIn = BuiltInPolicies.find(policy)
                .orElseThrow(() -> new InvalidInputException("policy", "Choose a policy from the list"));
        RunPolicy chosen = new RunPolicy(builtIn.id(), builtIn.name());
        return endpoint -> chosen;
    }

    private Audit start(Company company, UserAccount by, String title, String policy, List<Endpoint> targets,
                        Function<Endpoint, RunPolicy> chooser) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        Audit audit = new Audit(company, by, title, policy, now);
        em.persist(audit);
        for (Endpoint endpoint : targets) {
            RunPolicy chosen = chooser.apply(endpoint);
            em.persist(new AuditRun(UUID.randomUUID().toString(), audit, endpoint, chosen.id(), chosen.name(), now,
                    now.plus(Duration.ofMinutes(startDeadlineMinutes))));
        }
        em.flush();
        LOG.log(Level.INFO, "Audit {0} created for {1} endpoint(s) of company {2}", audit.getId(), targets.size(),
                company.getId());
        return audit;
    }

    public Audit get(long companyId, long auditId) {
        access.require(companyId, Permission.VIEW);
        return find(companyId, auditId);
    }

    public List<AuditRun> runs(long companyId, long auditId) {
        access.require(companyId, Permission.VIEW);
        find(companyId, auditId);
        return runsOf(auditId);
    }

    /**
     * The audit page: the audit, its runs, the first page of filtered results and their count, what exceptions in
     * force cover ({@code excepted}), how many results were not run because their host does not allow commands from
     * the server, and the company's time zone.
     */
    public record AuditPage(Audit audit, List<RunLine> runs, List<CheckResult> results, long resultCount,
            Excepted excepted, long commandsRefused, ZoneId zone) {
    }

    /**
     * One run as the audit page shows it, read as values (the page polls every second, and a 1,000-endpoint audit's
     * runs as entities with their endpoints cost the poll most of its time).
     */
    public record RunLine(String id, long endpointId, String hostname, List<String> tags, String policyId,
            String policyName, RunStatus status, int planned, int received, int passed, int failed, int notApplicable,
            int errors, int notRun, boolean stopRequested, String error, OffsetDateTime startedAt) {

        /** The run's score, once completed ({@link org.caart.audit.entity.Score}). */
        public Double score() {
            return org.caart.audit.entity.Score.ofRun(status, passed, failed);
        }

        public String scoreLabel() {
            return org.caart.audit.entity.Score.label(status, passed, failed);
        }

        /** The score with {@code excepted} of its failed checks counted as passed. */
        public Double score(int excepted) {
            return org.caart.audit.entity.Score.ofRun(status, passed, failed, excepted);
        }

        public String scoreLabel(int excepted) {
            return org.caart.audit.entity.Score.label(status, passed, failed, excepted);
        }

        ExceptedChecks.RunKey key() {
            return new ExceptedChecks.RunKey(id, endpointId, tags, policyId);
        }
    }

    /**
     * The audit page's poll in one call and one transaction, reading only: the audit, its runs, and the page of
     * results that pass the filter from {@code first}, at most {@code max}, with their total.
     */
    public AuditPage page(long companyId, long auditId, ResultFilter filter, int first, int max) {
        Membership member = access.require(companyId, Permission.VIEW);
        Audit audit = find(companyId, auditId);
        List<RunLine> runs = runLines(auditId);
        boolean anyNotRun = runs.stream().anyMatch(r -> r.notRun() > 0);
        return new AuditPage(audit, runs, resultsOf(companyId, auditId, filter, Math.max(0, first),
                Math.max(1, Math.min(max, 500))), countOf(filter, runs, () -> countRows(companyId, auditId, filter)),
                exceptedChecks.of(companyId, runs.stream().map(RunLine::key).toList()),
                anyNotRun ? commandsRefused(companyId, auditId) : 0, member.getCompany().zoneId());
    }

    /** The audit's runs as values, by host name. */
    private List<RunLine> runLines(long auditId) {
        return em.createQuery("SELECT r.id, e.id, e.hostname, e.tags, r.policyId, r.policyName, r.status, r.planned, "
                        + "r.received, r.passed, r.failed, r.notApplicable, r.errors, r.notRun, r.stopRequested, "
                        + "r.error, r.startedAt FROM AuditRun r JOIN r.endpoint e WHERE r.audit.id = :audit "
                        + "ORDER BY e.hostname",
                        Object[].class)
                .setParameter("audit", auditId).getResultStream()
                .map(r -> new RunLine((String) r[0], (Long) r[1], (String) r[2],
                        r[3] == null ? List.of() : List.of(((String) r[3]).split(",")), (String) r[4], (String) r[5],
                        (RunStatus) r[6], (Integer) r[7], (Integer) r[8], (Integer) r[9], (Integer) r[10],
                        (Integer) r[11], (Integer) r[12], (Integer) r[13], (Boolean) r[14], (String) r[15],
                        (OffsetDateTime) r[16]))
                .toList();
    }

    /** Results not run because the host does not allow commands from the server (errors and not-run only). */
    private long commandsRefused(long companyId, long auditId) {
        return em.createQuery("SELECT COUNT(c) FROM CheckResult c WHERE c.auditId = :audit "
                        + "AND c.companyId = :company AND c.status = :notRun AND c.reason LIKE :refused", Long.class)
                .setParameter("company", companyId).setParameter("audit", auditId)
                .setParameter("notRun", CheckStatus.NOT_RUN)
                .setParameter("refused", "%" + CheckResultView.COMMANDS_REFUSED + "%")
                .getSingleResult();
    }

    /**
     * A results page: the rows, the count of all that pass the filter (paging the audit page's table) and what
     * exceptions in force cover.
     */
    public record ResultPage(List<CheckResult> results, long count, Excepted excepted) {
    }

    /** One page of an audit's results that pass the filter, and their total, in one call. */
    public ResultPage resultPage(long companyId, long auditId, ResultFilter filter, int first, int max) {
        access.require(companyId, Permission.VIEW);
        find(companyId, auditId);
        List<RunLine> runs = runLines(auditId);
        return new ResultPage(resultsOf(companyId, auditId, filter, Math.max(0, first), Math.max(1, Math.min(max, 500))),
                countOf(filter, runs, () -> countRows(companyId, auditId, filter)),
                exceptedChecks.of(companyId, runs.stream().map(RunLine::key).toList()));
    }

    private List<AuditRun> runsOf(long auditId) {
        return em.createQuery("SELECT r FROM AuditRun r JOIN FETCH r.endpoint WHERE r.audit.id = :audit "
                        + "ORDER BY r.endpoint.hostname", AuditRun.class)
                .setParameter("audit", auditId).getResultList();
    }

    /** An audit with its runs (each run's endpoint loaded) and what exceptions in force cover of them. */
    public record AuditWithRuns(Audit audit, List<AuditRun> runs, Excepted excepted) {
    }

    /** One audit with its runs, in one call and one transaction. */
    public AuditWithRuns withRuns(long companyId, long auditId) {
        Audit audit = get(companyId, auditId);
        List<AuditRun> runs = runsOf(auditId);
        return new AuditWithRuns(audit, runs, exceptedChecks.ofRuns(companyId, runs));
    }

    /** The newest audits with their runs: one call, one query for all their runs. */
    public List<AuditWithRuns> latestWithRuns(long companyId, int max) {
        List<Audit> audits = latest(companyId, max);
        if (audits.isEmpty()) {
            return List.of();
        }
        Map<Long, List<AuditRun>> runs = em.createQuery("SELECT r FROM AuditRun r JOIN FETCH r.endpoint "
                        + "WHERE r.audit.id IN :audits ORDER BY r.endpoint.hostname", AuditRun.class)
                .setParameter("audits", audits.stream().map(Audit::getId).toList()).getResultStream()
                .collect(Collectors.groupingBy(r -> r.getAudit().getId()));
        Excepted excepted = exceptedChecks.ofRuns(companyId, runs.values().stream().flatMap(List::stream).toList());
        return audits.stream().map(a -> new AuditWithRuns(a, runs.getOrDefault(a.getId(), List.of()), excepted))
                .toList();
    }

    /** The newest audits of the company with their runs' totals. */
    public List<Audit> latest(long companyId, int max) {
        access.require(companyId, Permission.VIEW);
        return em.createQuery("SELECT a FROM Audit a WHERE a.company.id = :company ORDER BY a.createdAt DESC, a.id DESC",
                        Audit.class)
                .setParameter("company", companyId).setMaxResults(max).getResultList();
    }

    public Audit stop(long companyId, long auditId, String sourceAddress) {
        Membership member = access.require(companyId, Permission.RUN_AUDITS);
        Audit audit = find(companyId, auditId);
        OffsetDateTime now = OffsetDateTime.now(clock);
        audit.stop(now);
        progress.stopRuns(auditId, now);
        trail.record(companyId, member.getUser().getId(), member.getUser().getEmail(), "audit.stop",
                audit.getTitle(), null, sourceAddress);
        return audit;
    }

    /** Results of an audit, filtered by status, severity and text (title, check id, observed), newest runs first. */
    public List<CheckResult> results(long companyId, long auditId, ResultFilter filter, int first, int max) {
        access.require(companyId, Permission.VIEW);
        find(companyId, auditId);
        return resultsOf(companyId, auditId, filter, first, max);
    }

    /** Results of an audit (as {@link #results}) with the exceptions in force that cover them. */
    public record Results(List<CheckResult> results, Excepted excepted) {
    }

    public Results resultsWithExceptions(long companyId, long auditId, ResultFilter filter, int first, int max) {
        access.require(companyId, Permission.VIEW);
        find(companyId, auditId);
        return new Results(resultsOf(companyId, auditId, filter, first, max),
                exceptedChecks.ofRuns(companyId, runsOf(auditId)));
    }

    /**
     * A page of the audit's results in check order: the first entries of {@code check_result_audit_idx} (audit,
     * check, id) whose status, severity and company match, checked inside the index; a text filter reads the rows.
     */
    private List<CheckResult> resultsOf(long companyId, long auditId, ResultFilter filter, int first, int max) {
        TypedQuery<CheckResult> query = em.createQuery("SELECT c FROM CheckResult c LEFT JOIN FETCH c.text "
                + "WHERE c.auditId = :audit AND c.companyId = :company" + filter.where()
                + " ORDER BY c.checkId, c.id", CheckResult.class);
        filter.bind(query.setParameter("company", companyId).setParameter("audit", auditId));
        return query.setFirstResult(first).setMaxResults(max).getResultList();
    }

    public long countResults(long companyId, long auditId, ResultFilter filter) {
        access.require(companyId, Permission.VIEW);
        find(companyId, auditId);
        return countOf(filter, runLines(auditId), () -> countRows(companyId, auditId, filter));
    }

    /**
     * How many of the audit's results pass the filter. Without a severity or text filter that is what its runs
     * counted: a run's received, passed, failed, not-applicable, error and not-run counters grow in the transaction
     * that writes the batch's rows ({@code AuditIngest}, {@code AuditProgress}), and results are only ever removed
     * with their run, so they are the rows' counts without reading the rows (a running 1,000-endpoint audit's
     * page polls every second). Otherwise the audit's entries of {@code check_result_audit_idx} are counted.
     */
    private static long countOf(ResultFilter filter, List<RunLine> runs, java.util.function.LongSupplier rows) {
        if (filter.severity() != null || (filter.text() != null && !filter.text().isBlank())) {
            return rows.getAsLong();
        }
        return runs.stream().mapToLong(r -> filter.status() == null ? r.received() : switch (filter.status()) {
            case PASSED -> r.passed();
            case FAILED -> r.failed();
            case NOT_APPLICABLE -> r.notApplicable();
            case ERROR -> r.errors();
            case NOT_RUN -> r.notRun();
        }).sum();
    }

    private long countRows(long companyId, long auditId, ResultFilter filter) {
        TypedQuery<Long> query = em.createQuery("SELECT COUNT(c) FROM CheckResult c WHERE c.auditId = :audit "
                + "AND c.companyId = :company" + filter.where(), Long.class);
        filter.bind(query.setParameter("company", companyId).setParameter("audit", auditId));
        return query.getSingleResult();
    }

    private List<Endpoint> targets(long companyId, AuditRequest request) {
        if (request.allEndpoints() || (request.tag() != null && !request.tag().isBlank())) {
            List<Endpoint> active = em.createQuery("SELECT e FROM Endpoint e WHERE e.company.id = :company "
                            + "AND e.status = org.caart.endpoint.entity.EndpointStatus.ACTIVE ORDER BY e.hostname",
                            Endpoint.class)
                    .setParameter("company", companyId).getResultList();
            if (request.allEndpoints()) {
                return active;
            }
            String tag = request.tag().strip().toLowerCase(Locale.ROOT);
            return active.stream().filter(e -> e.tags().contains(tag)).toList();
        }
        if (request.endpointIds().isEmpty()) {
            return List.of();
        }
        List<Endpoint> chosen = em.createQuery("SELECT e FROM Endpoint e WHERE e.company.id = :company "
                        + "AND e.id IN :ids", Endpoint.class)
                .setParameter("company", companyId).setParameter("ids", request.endpointIds()).getResultList();
        if (chosen.size() != request.endpointIds().stream().distinct().count()) {
            throw new NotFoundException("Endpoint");
        }
        if (chosen.stream().anyMatch(e -> !e.isActive())) {
            throw new InvalidInputException("endpoints", "A revoked endpoint cannot be audited");
        }
        return chosen;
    }

    private Audit find(long companyId, long auditId) {
        return em.createQuery("SELECT a FROM Audit a WHERE a.id = :id AND a.company.id = :company", Audit.class)
                .setParameter("id", auditId).setParameter("company", companyId)
                .getResultStream().findFirst()
                .orElseThrow(() -> new NotFoundException("Audit"));
    }

    /** How the results table is filtered; null fields do not filter. */
    public record ResultFilter(CheckStatus status, Severity severity, String text) {

        public static final ResultFilter NONE = new ResultFilter(null, null, null);

        String where() {
            return (status == null ? "" : " AND c.status = :status")
                    + (severity == null ? "" : " AND c.severity = :severity")
                    + (text == null || text.isBlank() ? "" : " AND (LOWER(c.title) LIKE :text OR LOWER(c.checkId) "
                            + "LIKE :text OR LOWER(COALESCE(c.observed, '')) LIKE :text)");
        }

        <T> void bind(TypedQuery<T> query) {
            if (status != null) {
                query.setParameter("status", status);
            }
            if (severity != null) {
                query.setParameter("severity", severity);
            }
            if (text != null && !text.isBlank()) {
                query.setParameter("text", "%" + text.strip().toLowerCase(Locale.ROOT).replace("%", "")
                        .replace("_", "") + "%");
            }
        }
    }
}
