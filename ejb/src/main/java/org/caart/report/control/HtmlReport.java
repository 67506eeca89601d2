package org.caart.report.control;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.caart.audit.boundary.ReportReads.ResultRow;
import org.caart.audit.boundary.ReportReads.RunHeader;
import org.caart.audit.entity.Score;
import org.caart.platform.Html;
import org.caart.report.boundary.ExceptionGrant;
import org.caart.report.boundary.Report;
import org.caart.report.boundary.ReportLine;

/**
 * The report as one HTML page that stands alone (its style inline, no script, no images) and prints well: A4, the
 * summary first, a result never split across pages, the status in words as well as in colour.
 */
public final class HtmlReport implements ReportWriter {

    static final String STYLE = """
            body{font-family:"DejaVu Sans",Arial,Helvetica,sans-serif;font-size:10.5pt;color:#111;margin:2em;}
            h1{font-size:18pt;margin:0 0 .3em}h2{font-size:13pt;margin:1.4em 0 .4em;border-bottom:1px solid #999}
            table{border-collapse:collapse;margin:.4em 0}th,td{border:1px solid #bbb;padding:2px 6px;text-align:left;
            vertical-align:top}th{background:#eee}
            .caart-scores td{font-size:12pt;font-weight:bold}
            .caart-result{border:1px solid #ccc;border-left:6px solid #888;padding:4px 8px;margin:6px 0;
            break-inside:avoid;page-break-inside:avoid}
            .caart-result h3{font-size:11pt;margin:0 0 2px}.caart-result p{margin:2px 0;white-space:pre-wrap}
            .s-PASSED{border-left-color:#2e7d32}.s-FAILED{border-left-color:#c62828}.s-EXCEPTED{border-left-color:#1565c0}.s-FIXED{border-left-color:#2e7d32}
            .s-ERROR{border-left-color:#ef6c00}.caart-status{font-weight:bold}.caart-label{color:#555}
            @page{size:A4;margin:15mm}
            @media print{body{margin:0;font-size:9.5pt}h2{break-after:avoid;page-break-after:avoid}
            a{color:inherit;text-decoration:none}}
            """;

    private final Writer out;
    private Report report;

    public HtmlReport(OutputStream stream) {
        out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 64 * 1024);
    }

    @Override
    public void begin(Report report) throws IOException {
        this.report = report;
        out.write("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"/><title>" + e(report.title())
                + "</title><style>" + STYLE + "</style></head><body>\n");
        out.write("<h1 id=\"title\">" + e(report.title()) + "</h1>\n<table class=\"caart-summary\">");
        row("Company", report.companyName());
        if (report.audit() != null) {
            row("Audit", report.audit().title() + " (#" + report.audit().id() + ", " + report.audit().status()
                    + ")");
            row("Started", Times.readable(report.audit().startedAt(), report.zone()));
            row("Finished", Times.readable(report.audit().finishedAt(), report.zone()));
        } else {
            row("Scope", report.kind() == Report.Kind.ENDPOINT ? "Latest completed results of " + report.subject()
                    + " per policy" : "Latest completed results per endpoint and policy");
        }
        row("Written", Times.readable(report.generatedAt(), report.zone()));
        out.write("</table>\n<table class=\"caart-scores\"><tr><th>Score</th><th>Score with exceptions</th></tr>"
                + "<tr><td id=\"score\">" + e(report.rawScoreLabel()) + "</td><td id=\"scoreWithExceptions\">"
                + e(report.exceptedScoreLabel()) + "</td></tr></table>\n");
        Report.Totals t = report.totals();
        out.write("<table class=\"caart-counts\"><tr><th>Passed</th><th>Failed</th><th>Excepted</th>"
                + "<th>Not applicable</th><th>Errors</th><th>Not run</th></tr><tr><td>" + t.passed() + "</td><td>"
                + t.failed() + "</td><td>" + t.excepted() + "</td><td>" + t.notApplicable() + "</td><td>" + t.errors()
                + "</td><td>" + t.notRun() + "</td></tr></table>\n");
        out.write("<h2>Endpoints</h2>\n<table class=\"caart-runs\"><tr><th>Endpoint</th><th>Policy</th>"
                + "<th>Audit</th><th>Status</th><th>Finished</th><th>Passed</th><th>Failed</th><th>Score</th>"
                + "<th>With exceptions</th></tr>\n");
        for (RunHeader run : report.runs()) {
            Report.RunScore score = report.scores().get(run.runId());
            out.write("<tr><td>" + e(run.hostname()) + "</td><td>" + e(run.policyName()) + "</td><td>"
                    + e(run.auditTitle()) + " (#" + run.auditId() + ")</td><td>" + run.status() + "</td><td>"
                    + e(Times.readable(run.finishedAt(), report.zone())) + "</td><td>" + run.passed() + "</td><td>"
                    + run.failed() + "</td><td>" + e(run.scoreLabel()) + "</td><td>"
                    + e(score == null || score.withExceptions() == null ? run.scoreLabel()
                            : Score.format(score.withExceptions())) + "</td></tr>\n");
        }
        out.write("</table>\n");
        if (report.runs().isEmpty()) {
            out.write("<p>No results to report.</p>\n");
        }
    }

    @Override
    public void run(RunHeader run) throws IOException {
        out.write("<h2>" + e(run.hostname()) + " – " + e(run.policyName()) + "</h2>\n");
    }

    @Override
    public void line(ReportLine line) throws IOException {
        ResultRow r = line.result();
        out.write("<div class=\"caart-result s-" + line.status() + "\"><h3>" + e(r.checkId()) + " – " + e(r.title())
                + "</h3><p><span class=\"caart-status\">" + line.status() + "</span>"
                + (r.severity() == null ? "" : " · severity " + r.severity().name().toLowerCase(Locale.ROOT))
                + "</p>");
        para("Expected", r.expected());
        para("Observed", r.observed());
        para("Reason", r.reason());
        para("References", r.references());
        if (line.result().status() != org.caart.contract.agent.v1.CheckStatus.PASSED) {
            para("Remediation", r.remediation());
        }
        if (line.excepted()) {
            ExceptionGrant x = line.exception();
            para("Exception", x.reason() + " — approved by " + x.approver() + " on "
                    + Times.readable(x.approvedAt(), report.zone()) + ", expires "
                    + Times.readable(x.expiresAt(), report.zone())
                    + (x.ticket() == null || x.ticket().isBlank() ? "" : ", ticket " + x.ticket()));
        }
        if (line.fixed()) {
            para("Fixed by", Times.fix(line.fix(), report.zone()));
        }
        out.write("</div>\n");
    }

    @Override
    public void end() throws IOException {
        out.write("<p class=\"caart-label\">Written by CAaRT.</p></body></html>\n");
        out.flush();
    }

    private void row(String label, String value) throws IOException {
        out.write("<tr><th>" + e(label) + "</th><td>" + e(value) + "</td></tr>");
    }

    private void para(String label, String value) throws IOException {
        if (value != null && !value.isBlank()) {
            out.write("<p><span class=\"caart-label\">" + e(label) + ":</span> " + e(value) + "</p>");
        }
    }

    private static String e(String text) {
        return text == null ? "" : Html.escape(text);
    }
}
