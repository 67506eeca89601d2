package org.caart.web.audit;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.caart.audit.boundary.Audits.ResultFilter;
import org.caart.audit.boundary.Audits;
import org.caart.audit.boundary.Excepted;
import org.caart.audit.entity.Audit;
import org.caart.audit.entity.AuditStatus;
import org.caart.audit.entity.CheckResult;
import org.caart.audit.entity.Score;
import org.caart.contract.agent.v1.CheckStatus;
import org.caart.contract.agent.v1.Severity;
import org.caart.remediation.boundary.RemediationRequest;
import org.caart.remediation.boundary.Remediations;
import org.caart.remediation.boundary.VerifiedFix;
import org.caart.remediation.boundary.VerifiedFixes;
import org.caart.remediation.entity.Remediation;
import org.caart.web.CompanyTime;
import org.caart.web.FormMessages;
import org.caart.web.PagedModel;
import org.caart.web.TimeText;
import org.caart.web.company.CurrentCompany;
import org.caart.web.security.CurrentUser;

/**
 * One audit as it runs (UC6): progress per endpoint, counts and score, and the results table with filters; the
 * page polls every second while the audit runs. Stop (UC7) keeps what arrived. Members who may order remediation
 * tick failing checks (or take all of them) and plan their fix.
 */
@Named
@ViewScoped
public class AuditBacking implements Serializable {

    private static final long serialVersionUID = 1L;
    static final int ROWS = 50;

    @Inject
    Audits audits;

    @Inject
    CompanyTime time;

    @Inject
    Remediations remediations;

    @Inject
    VerifiedFixes verifiedFixes;

    @Inject
    CurrentCompany current;

    @Inject
    CurrentUser user;

    @Inject
    FacesContext faces;

    private Long auditId;
    private long companyId;
    private AuditView audit;
    private List<RunRow> runs = List.of();
    private final PagedModel<ResultRow> results = new PagedModel<>(ROWS, (first, max, sort) -> {
        Audits.ResultPage page = audits.resultPage(companyId, auditId, filter(), first, max);
        return new PagedModel.Slice<>(rows(page.results(), page.excepted()), page.count());
    }, r -> String.valueOf(r.id()));
    private long resultCount;
    private long commandsRefused;
    private ZoneId zone = ZoneId.of("UTC");
    private boolean mayRunAudits;
    private boolean mayOrderRemediation;
    private String status;
    private String severity;
    private String text;
    private List<ResultRow> selected = new ArrayList<>();
    private transient Map<String, List<VerifiedFix>> fixes;
    private int fixesForStarted;

    public void load() {
        companyId = current.id();
        mayRunAudits = current.can("RUN_AUDITS");
        mayOrderRemediation = current.can("ORDER_REMEDIATION");
        if (auditId == null) {
            throw new org.caart.platform.NotFoundException("Audit");
        }
        refresh();
    }

    /** One boundary call (one transaction) per poll; it brings the results page on screen too. */
    public void refresh() {
        Audits.AuditPage page = audits.page(companyId, auditId, filter(), results.first(), results.max());
        zone = page.zone();
        runs = page.runs().stream().map(r -> RunRow.of(r, page.excepted())).toList();
        audit = AuditView.of(page.audit(), runs, zone);
        resultCount = page.resultCount();
        commandsRefused = page.commandsRefused();
        results.preload(rows(page.results(), page.excepted()), resultCount);
    }

    private List<ResultRow> rows(List<CheckResult> checks, Excepted excepted) {
        Map<String, RunRow> byId = new HashMap<>();
        runs.forEach(r -> byId.put(r.id(), r));
        int started = (int) runs.stream().filter(r -> r.startedAt() != null).count();
        if (started != fixesForStarted) {
            fixes = null; // read again on the first passed result: another run has started since
            fixesForStarted = started;
        }
        return checks.stream().map(c -> ResultRow.of(c, excepted, fixOf(byId.get(c.getRunId()), c))).toList();
    }

    /**
     * The verified fix that makes a passed result FIXED, as the reports write it (docs/reports.md): remediation fixed
     * that check on that endpoint, and the fix was in place when the run started. The company's fixes are read once
     * per page view, and again when another run has started since.
     */
    private VerifiedFix fixOf(RunRow run, CheckResult c) {
        if (run == null || c.getStatus() != CheckStatus.PASSED) {
            return null;
        }
        if (fixes == null) {
            fixes = new HashMap<>();
            verifiedFixes.of(companyId, null).forEach(f -> fixes.computeIfAbsent(
                    fixKey(f.endpointId(), f.policyId(), f.checkId()), k -> new ArrayList<>()).add(f));
        }
        List<VerifiedFix> candidates = fixes.get(fixKey(run.endpointId(), run.policyId(), c.getCheckId()));
        // as the reports: when the run started, else (a run restored without it) when the result arrived
        return candidates == null ? null : VerifiedFix.newestInPlace(candidates,
                run.startedAt() != null ? run.startedAt() : c.getReceivedAt());
    }

    private static String fixKey(long endpointId, String policyId, String checkId) {
        return endpointId + "\n" + policyId + "\n" + checkId;
    }

    /** A new filter: from the first page. */
    public void filterResults() {
        results.reset(":live:results");
        refresh();
    }

    /**
     * When some checks were not run because their hosts do not allow commands from the server: how many, their
     * share of the checks that would count, and how to allow them; null otherwise.
     */
    public String getCommandNote() {
        if (commandsRefused == 0 || audit == null) {
            return null;
        }
        long counted = audit.passed() + audit.failed();
        long share = Math.round(commandsRefused * 100.0 / (counted + commandsRefused));
        return commandsRefused + " check result(s) were not run because their hosts do not allow commands from the "
                + "server: " + share + " % of the checks that would count in the score, which rests on the other "
                + counted + ". To run them, set allow-server-commands=true in the agent's agent.properties on each "
                + "host (/etc/caart/agent.properties as root on Linux, %APPDATA%\\CAaRT on Windows) and audit again; "
                + "see docs/policies.md, "
                + "\"Commands and safety\".";
    }

    /** Plans a fix of the failing checks ticked in the results table, then opens the plan. */
    public void planSelected() throws IOException {
        plan(new RemediationRequest(selected.stream().map(ResultRow::id).toList(), null, false));
    }

    /** Plans a fix of every failing check of the audit, then opens the plan. */
    public void planAllFailing() throws IOException {
        plan(new RemediationRequest(List.of(), auditId, true));
    }

    private void plan(RemediationRequest request) throws IOException {
        Remediation remediation = remediations.create(companyId, request, user.sourceAddress());
        ExternalContext external = faces.getExternalContext();
        external.redirect(external.getRequestContextPath() + "/app/remediation.xhtml?company=" + companyId
                + "&remediation=" + remediation.getId());
    }

    /** Read once when the page opens, so that a poll makes one boundary call. */
    public boolean isMayRunAudits() {
        return mayRunAudits;
    }

    /** Read once when the page opens, like {@link #isMayRunAudits}. */
    public boolean isMayOrderRemediation() {
        return mayOrderRemediation;
    }

    public void stop() {
        audits.stop(companyId, auditId, user.sourceAddress());
        FormMessages.info(faces, "Audit stopped: endpoints still running end at their next check; results so far are kept");
        refresh();
    }

    private ResultFilter filter() {
        return new ResultFilter(status == null || status.isBlank() ? null : CheckStatus.valueOf(status),
                severity == null || severity.isBlank() ? null : Severity.valueOf(severity), text);
    }

    public boolean isLive() {
        return audit != null && (audit.status().equals(AuditStatus.PENDING.name())
                || audit.status().equals(AuditStatus.RUNNING.name())
                || runs.stream().anyMatch(r -> r.status().equals("RUNNING")));
    }

    public List<String> getStatuses() {
        return java.util.Arrays.stream(CheckStatus.values()).map(Enum::name).toList();
    }

    public List<String> getSeverities() {
        return java.util.Arrays.stream(Severity.values()).map(Enum::name).toList();
    }

    public List<ResultRow> getSelected() {
        return selected;
    }

    public void setSelected(List<ResultRow> selected) {
        this.selected = selected == null ? new ArrayList<>() : new ArrayList<>(selected);
    }

    public boolean isAnyFailing() {
        return audit != null && audit.failed() > 0;
    }

    public long getCompanyId() {
        return companyId;
    }

    public Long getAuditId() {
        return auditId;
    }

    public void setAuditId(Long auditId) {
        this.auditId = auditId;
    }

    public AuditView getAudit() {
        return audit;
    }

    public List<RunRow> getRuns() {
        return runs;
    }

    public PagedModel<ResultRow> getResults() {
        return results;
    }

    public long getResultCount() {
        return resultCount;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public String getSeverity() {
        return severity;
    }

    public void setSeverity(String severity) {
        this.severity = severity;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    public record AuditView(long id, String title, String status, String createdAt, String finishedAt, int planned,
            int received, int passed, int failed, int notApplicable, int errors, String score,
            String scoreWithExceptions, int excepted) implements Serializable {

        static AuditView of(Audit a, List<RunRow> runs, ZoneId zone) {
            int passed = runs.stream().mapToInt(RunRow::passed).sum();
            int failed = runs.stream().mapToInt(RunRow::failed).sum();
            Double completedRuns = Score.mean(runs.stream().map(RunRow::value).toList());
            Double withExceptions = Score.mean(runs.stream().map(RunRow::valueWithExceptions).toList());
            return new AuditView(a.getId(), a.getTitle(), a.getStatus().name(), TimeText.at(a.getCreatedAt(), zone),
                    TimeText.at(a.getFinishedAt(), zone),
                    runs.stream().mapToInt(RunRow::planned).sum(), runs.stream().mapToInt(RunRow::received).sum(),
                    passed, failed, runs.stream().mapToInt(RunRow::notApplicable).sum(),
                    runs.stream().mapToInt(RunRow::errors).sum(), Score.label(a.getStatus(), completedRuns),
                    Score.label(a.getStatus(), withExceptions), runs.stream().mapToInt(RunRow::excepted).sum());
        }
    }

    public record RunRow(String id, long endpointId, String hostname, String policy, String status, int planned, int received,
            int passed, int failed, int notApplicable, int errors, Double value, String score, String error,
            boolean stopRequested, int excepted, Double valueWithExceptions, String scoreWithExceptions,
            String policyId, OffsetDateTime startedAt) implements Serializable {

        static RunRow of(Audits.RunLine r, Excepted excepted) {
            int covered = excepted.count(r.id());
            return new RunRow(r.id(), r.endpointId(), r.hostname(), r.policyName(), r.status().name(),
                    r.planned(), r.received(), r.passed(), r.failed(), r.notApplicable(),
                    r.errors() + r.notRun(), r.score(), r.scoreLabel(), r.error(),
                    r.stopRequested(), covered, r.score(covered), r.scoreLabel(covered), r.policyId(), r.startedAt());
        }

        public String progress() {
            return planned == 0 ? received + "/?" : received + "/" + planned;
        }
    }

    public record ResultRow(long id, String checkId, String title, String status, String severity, String refs,
            String reason, String expected, String observed, String description, String rationale,
            String remediation, Long exceptionId, Long fixedBy, String fixApprover) implements Serializable {

        static ResultRow of(CheckResult c, Excepted excepted, VerifiedFix fix) {
            return new ResultRow(c.getId(), c.getCheckId(), c.getTitle(), c.getStatus().name(),
                    c.getSeverity() == null ? "" : c.getSeverity().name(), c.getRefs(), c.getReason(),
                    c.getExpected(), c.getObserved(), c.getDescription(), c.getRationale(), c.getRemediation(),
                    excepted.exceptionOf(c.getId()), fix == null ? null : fix.remediationId(),
                    fix == null ? null : fix.approvedBy());
        }

        /**
         * The status shown: EXCEPTED for a failed result an approved exception covers, FIXED for a passed one that
         * a verified remediation fixed (as the reports write them).
         */
        public String shown() {
            return exceptionId != null ? "EXCEPTED" : fixedBy != null ? "FIXED" : status;
        }
    }
}
