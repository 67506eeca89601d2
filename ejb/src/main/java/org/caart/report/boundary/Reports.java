package org.caart.report.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.caart.audit.boundary.ReportReads;
import org.caart.audit.boundary.ReportReads.AuditHeader;
import org.caart.audit.boundary.ReportReads.RunHeader;
import org.caart.audit.entity.Score;
import org.caart.company.boundary.Access;
import org.caart.company.entity.Company;
import org.caart.company.entity.Permission;
import org.caart.endpoint.boundary.Endpoints;
import org.caart.patch.boundary.Devices;
import org.caart.remediation.boundary.VerifiedFix;
import org.caart.remediation.boundary.VerifiedFixes;
import org.caart.report.control.PatchBoardCsv;
import org.caart.report.control.ReportStream;

/**
 * Reports and exports (docs/reports.md): an audit's results, an endpoint's or the company's latest completed results
 * (per endpoint and policy the newest completed run, as on the dashboard), in HTML, PDF, CSV, XCCDF 1.2 or OCSF; and
 * the patch board as CSV. Each method checks the caller's access and reads the report's header at once (another
 * company's id is 404), and answers a {@link Download} whose body streams the results page by page.
 */
@Stateless
public class Reports {

    @Inject
    Access access;

    @Inject
    ReportReads reads;

    @Inject
    Endpoints endpoints;

    @Inject
    Devices devices;

    @Inject
    ExceptionSource exceptions;

    @Inject
    VerifiedFixes fixes;

    @Inject
    Clock clock;

    public Download audit(long companyId, long auditId, ReportFormat format) {
        Company company = access.require(companyId, Permission.VIEW).getCompany();
        AuditHeader audit = reads.audit(companyId, auditId);
        return download(report(Report.Kind.AUDIT, company, auditId, audit.title(), audit,
                reads.auditRuns(companyId, auditId), fixes(companyId, null)), format);
    }

    public Download endpoint(long companyId, long endpointId, ReportFormat format) {
        Company company = access.require(companyId, Permission.VIEW).getCompany();
        String hostname = endpoints.get(companyId, endpointId).getHostname();
        return download(report(Report.Kind.ENDPOINT, company, endpointId, hostname, null,
                reads.standingRuns(companyId, endpointId), fixes(companyId, endpointId)), format);
    }

    public Download company(long companyId, ReportFormat format) {
        Company company = access.require(companyId, Permission.VIEW).getCompany();
        return download(report(Report.Kind.COMPANY, company, companyId, company.getName(), null,
                reads.standingRuns(companyId, null), fixes(companyId, null)), format);
    }

    /** The patch board (every device, most urgent first, statuses as of the company's today) as CSV. */
    public Download patchBoard(long companyId) {
        Company company = access.require(companyId, Permission.VIEW).getCompany();
        PatchBoardCsv board = new PatchBoardCsv(devices.list(companyId));
        return new Download("caart-patch-board-" + companyId + "-"
                + OffsetDateTime.now(clock).atZoneSameInstant(company.zoneId()).toLocalDate() + ".csv",
                ReportFormat.CSV.mediaType(), board);
    }

    private Download download(Report report, ReportFormat format) {
        return new Download(report.fileName(format), format.mediaType(),
                new ReportStream(reads, report, format, version()));
    }

    /** The fixes remediation verified, per endpoint, per policy and check ({@link Report#fixOf}). */
    private Map<Long, Map<String, List<VerifiedFix>>> fixes(long companyId, Long endpointId) {
        Map<Long, Map<String, List<VerifiedFix>>> byEndpoint = new HashMap<>();
        for (VerifiedFix fix : fixes.of(companyId, endpointId)) {
            byEndpoint.computeIfAbsent(fix.endpointId(), k -> new HashMap<>())
                    .computeIfAbsent(Report.fixKey(fix.policyId(), fix.checkId()), k -> new ArrayList<>()).add(fix);
        }
        return byEndpoint;
    }

    private Report report(Report.Kind kind, Company company, long subjectId, String subject, AuditHeader audit,
            List<RunHeader> runs, Map<Long, Map<String, List<VerifiedFix>>> fixesByEndpoint) {
        Map<String, Map<String, ExceptionGrant>> grants = new HashMap<>();
        Map<String, Report.RunScore> scores = new HashMap<>();
        int passed = 0;
        int failed = 0;
        int notApplicable = 0;
        int errors = 0;
        int notRun = 0;
        int excepted = 0;
        Map<String, Map<String, ExceptionGrant>> inForceByRun = exceptions.inForce(company.getId(), runs);
        for (RunHeader run : runs) {
            Map<String, ExceptionGrant> inForce = inForceByRun.getOrDefault(run.runId(), Map.of());
            int exceptedFailures = inForce.size();
            if (!inForce.isEmpty()) {
                grants.put(run.runId(), inForce);
            }
            Double raw = run.score();
            Double withExceptions = Score.counts(run.status())
                    ? Score.percent(run.passed() + exceptedFailures, run.failed() - exceptedFailures) : null;
            scores.put(run.runId(), new Report.RunScore(raw, withExceptions, exceptedFailures));
            passed += run.passed();
            failed += run.failed() - exceptedFailures;
            excepted += exceptedFailures;
            notApplicable += run.notApplicable();
            errors += run.errors();
            notRun += run.notRun();
        }
        Report.Totals totals = new Report.Totals(passed, failed, notApplicable, errors, notRun, excepted,
                Score.mean(scores.values().stream().map(Report.RunScore::raw).toList()),
                Score.mean(scores.values().stream().map(Report.RunScore::withExceptions).toList()));
        return new Report(kind, company.getId(), company.getName(), company.zoneId(), subjectId, subject, audit,
                OffsetDateTime.now(clock), runs, scores, grants, fixesByEndpoint, totals);
    }

    private static String version() {
        return Objects.requireNonNullElse(Reports.class.getPackage().getImplementationVersion(), "unknown");
    }
}
