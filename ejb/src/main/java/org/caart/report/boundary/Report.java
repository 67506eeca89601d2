package org.caart.report.boundary;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.caart.audit.boundary.ReportReads.AuditHeader;
import org.caart.audit.boundary.ReportReads.ResultRow;
import org.caart.audit.boundary.ReportReads.RunHeader;
import org.caart.audit.entity.Score;
import org.caart.contract.agent.v1.CheckStatus;
import org.caart.remediation.boundary.VerifiedFix;

/**
 * What a report is about, read before its results stream: the scope (an audit, an endpoint's or the company's
 * standing runs), its runs with their scores raw and with exceptions, the exceptions in force per run, and the
 * fixes remediation verified on its endpoints (per endpoint, per {@link #fixKey policy and check}).
 */
public record Report(Kind kind, long companyId, String companyName, ZoneId zone, long subjectId, String subject,
        AuditHeader audit, OffsetDateTime generatedAt, List<RunHeader> runs, Map<String, RunScore> scores,
        Map<String, Map<String, ExceptionGrant>> exceptions, Map<Long, Map<String, List<VerifiedFix>>> fixes,
        Totals totals) {

    public enum Kind {
        AUDIT, ENDPOINT, COMPANY
    }

    /** A run's score raw and with exceptions (excepted failures counted as passed), and its excepted failures. */
    public record RunScore(Double raw, Double withExceptions, int excepted) {
    }

    /** The report's counts over its runs and its scores: the mean of its completed runs' ({@link Score#mean}). */
    public record Totals(int passed, int failed, int notApplicable, int errors, int notRun, int excepted, Double raw,
            Double withExceptions) {
    }

    public String title() {
        return switch (kind) {
            case AUDIT -> "Audit report: " + subject;
            case ENDPOINT -> "Endpoint report: " + subject;
            case COMPANY -> "Company report: " + companyName;
        };
    }

    /** How the raw score reads: an audit that did not complete is "in progress" or "partial", never a percentage. */
    public String rawScoreLabel() {
        return audit == null ? Score.format(totals.raw()) : Score.label(audit.status(), totals.raw());
    }

    public String exceptedScoreLabel() {
        return audit == null ? Score.format(totals.withExceptions())
                : Score.label(audit.status(), totals.withExceptions());
    }

    public Map<String, ExceptionGrant> exceptionsOf(String runId) {
        return exceptions.getOrDefault(runId, Map.of());
    }

    /**
     * The fix that makes a passed result read FIXED: a fix remediation verified for the run's endpoint, policy and
     * check, in place when the run started (the check ran again after the fix); the newest such fix.
     */
    public VerifiedFix fixOf(RunHeader run, ResultRow result) {
        if (result.status() != CheckStatus.PASSED) {
            return null;
        }
        List<VerifiedFix> candidates = fixes.getOrDefault(run.endpointId(), Map.of())
                .get(fixKey(run.policyId(), result.checkId()));
        if (candidates == null) {
            return null;
        }
        return VerifiedFix.newestInPlace(candidates, run.startedAt() != null ? run.startedAt() : result.receivedAt());
    }

    public static String fixKey(String policyId, String checkId) {
        return policyId + '\n' + checkId;
    }

    public String fileName(ReportFormat format) {
        String stem = switch (kind) {
            case AUDIT -> "caart-audit-" + subjectId;
            case ENDPOINT -> "caart-endpoint-" + subjectId;
            case COMPANY -> "caart-company-" + companyId;
        };
        return stem + "-" + generatedAt.atZoneSameInstant(zone).toLocalDate() + "." + format.extension();
    }
}
