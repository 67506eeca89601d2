package org.caart.report.control;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import org.caart.audit.boundary.ReportReads.ResultRow;
import org.caart.audit.boundary.ReportReads.RunHeader;
import org.caart.report.boundary.ExceptionGrant;
import org.caart.report.boundary.Report;
import org.caart.remediation.boundary.VerifiedFix;
import org.caart.report.boundary.ReportLine;

/** The results as CSV, one row per result (columns in docs/reports.md). */
public final class CsvReport implements ReportWriter {

    public static final List<String> COLUMNS = List.of("hostname", "endpoint_id", "policy_id", "policy_name",
            "audit_id", "audit_title", "run_id", "run_finished_at", "check_id", "title", "severity", "result",
            "agent_result", "expected", "observed", "reason", "references", "remediation", "exception_reason",
            "exception_approver", "exception_approved_at", "exception_expires_at", "exception_ticket",
            "fix_remediation", "fix_approver", "fix_verified_at");

    private final Writer writer;
    private final Csv csv;
    private ZoneId zone;

    public CsvReport(OutputStream out) {
        writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
        csv = new Csv(writer);
    }

    @Override
    public void begin(Report report) throws IOException {
        zone = report.zone();
        csv.row(COLUMNS);
    }

    @Override
    public void line(ReportLine line) throws IOException {
        RunHeader run = line.run();
        ResultRow r = line.result();
        ExceptionGrant e = line.excepted() ? line.exception() : null;
        VerifiedFix f = line.fixed() ? line.fix() : null;
        csv.row(Arrays.asList(run.hostname(), String.valueOf(run.endpointId()), run.policyId(), run.policyName(),
                String.valueOf(run.auditId()), run.auditTitle(), run.runId(), time(run.finishedAt()), r.checkId(),
                r.title(), r.severity() == null ? "" : r.severity().name(), line.status(), r.status().name(),
                r.expected(), r.observed(), r.reason(), r.references(), r.remediation(),
                e == null ? "" : e.reason(), e == null ? "" : e.approver(), e == null ? "" : time(e.approvedAt()),
                e == null ? "" : time(e.expiresAt()), e == null ? "" : e.ticket(),
                f == null ? "" : String.valueOf(f.remediationId()), f == null ? "" : f.approvedBy(),
                f == null ? "" : time(f.verifiedAt())));
    }

    @Override
    public void end() throws IOException {
        writer.flush();
    }

    private String time(OffsetDateTime at) {
        return Times.iso(at, zone);
    }
}
