package org.caart.report.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.caart.audit.boundary.ReportReads.AuditHeader;
import org.caart.audit.boundary.ReportReads.ResultRow;
import org.caart.audit.boundary.ReportReads.RunHeader;
import org.caart.audit.entity.AuditStatus;
import org.caart.audit.entity.RunStatus;
import org.caart.contract.agent.v1.CheckStatus;
import org.caart.contract.agent.v1.Severity;
import org.caart.remediation.boundary.VerifiedFix;
import org.caart.report.boundary.ExceptionGrant;
import org.caart.report.boundary.Report;
import org.caart.report.boundary.ReportLine;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The formats on a known report with an excepted failure and a pass a remediation fixed: how the exception and the
 * fix show in each.
 */
class ReportWritersTest {

    static final OffsetDateTime AT = OffsetDateTime.parse("2026-12-05T10:00:00Z");
    static final RunHeader RUN = new RunHeader("0b6f2a7e-0000-4000-8000-000000000001", 7, "Known audit", 3,
            "web-01", "Debian GNU/Linux 12", "caart-debian-baseline", "CAaRT Debian baseline", RunStatus.COMPLETED,
            AT.minusMinutes(5), AT, 3, 3, 1, 2, 0, 0, 0);
    static final ExceptionGrant GRANT = new ExceptionGrant("telnet-off", "Legacy console, isolated VLAN",
            "ciso@example.test", AT.minusDays(1), AT.plusDays(30), "CHG-42");
    static final ResultRow PASSED = row(1, "ssh-root", "Root login off", CheckStatus.PASSED, Severity.HIGH);
    static final ResultRow FAILED = row(2, "ssh-ciphers", "Strong ciphers only", CheckStatus.FAILED, Severity.MEDIUM);
    static final ResultRow EXCEPTED = row(3, "telnet-off", "Telnet is off", CheckStatus.FAILED, Severity.CRITICAL);
    static final ResultRow FIXED = row(4, "ssh-banner", "A login banner is shown", CheckStatus.PASSED, Severity.LOW);
    static final VerifiedFix FIX = new VerifiedFix(3, "caart-debian-baseline", "ssh-banner", 12, "fixer@example.test",
            AT.minusHours(2), null);

    private static ResultRow row(long id, String checkId, String title, CheckStatus status, Severity severity) {
        return new ResultRow(id, RUN.runId(), checkId, title, status, severity, null, "on", "off", "CIS 1.1, CIS 1.2",
                "Why " + checkId, "Because", "Fix " + checkId, AT);
    }

    static Report report() {
        return new Report(Report.Kind.AUDIT, 1, "Example Ltd", ZoneId.of("Europe/Berlin"), 7, "Known audit",
                new AuditHeader(7, "Known audit", AuditStatus.COMPLETED, AT.minusMinutes(6), AT.minusMinutes(5), AT,
                        "caart-debian-baseline"),
                AT, List.of(RUN), Map.of(RUN.runId(), new Report.RunScore(100.0 / 3, 200.0 / 3, 1)),
                Map.of(RUN.runId(), Map.of("telnet-off", GRANT)),
                Map.of(3L, Map.of(Report.fixKey("caart-debian-baseline", "ssh-banner"), List.of(FIX))),
                new Report.Totals(1, 1, 0, 0, 0, 1, 100.0 / 3, 200.0 / 3));
    }

    static List<ReportLine> lines() {
        return List.of(new ReportLine(RUN, PASSED, null, null), new ReportLine(RUN, FAILED, null, null),
                new ReportLine(RUN, EXCEPTED, GRANT, null), new ReportLine(RUN, FIXED, null, FIX));
    }

    static byte[] write(ReportWriter writer, ByteArrayOutputStream out) throws IOException {
        if (writer instanceof XccdfReport xccdf) {
            lines().forEach(xccdf::rule);
        }
        writer.begin(report());
        writer.run(RUN);
        for (ReportLine line : lines()) {
            writer.line(line);
        }
        writer.endRun(RUN);
        writer.end();
        return out.toByteArray();
    }

    @Test
    void csvShowsTheExceptionInItsColumns() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String csv = new String(write(new CsvReport(out), out), StandardCharsets.UTF_8);
        String[] rows = csv.split("\r\n");
        assertEquals(5, rows.length, csv);
        assertEquals(String.join(",", CsvReport.COLUMNS), rows[0]);
        assertTrue(rows[3].contains(",EXCEPTED,FAILED,"), rows[3]);
        assertTrue(rows[3].endsWith(",\"Legacy console, isolated VLAN\",ciso@example.test,2026-12-04T11:00:00+01:00,"
                + "2027-01-04T11:00:00+01:00,CHG-42,,,"), rows[3]);
        assertTrue(rows[2].contains(",FAILED,FAILED,") && rows[2].endsWith(",,,,,,,,"), rows[2]);
        assertTrue(rows[1].contains(",PASSED,PASSED,") && rows[1].endsWith(",,,,,,,,"), rows[1]);
        assertTrue(rows[4].contains(",FIXED,PASSED,"), rows[4]);
        assertTrue(rows[4].endsWith(",,,,,,12,fixer@example.test,2026-12-05T09:00:00+01:00"), rows[4]);
    }

    @Test
    void xccdfOverridesTheExceptedFailure() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] xml = write(new XccdfReport(out), out);
        Document doc = DocumentBuilderFactory.newDefaultNSInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml));
        var results = doc.getElementsByTagNameNS(XccdfReport.NS, "rule-result");
        assertEquals(4, results.getLength());
        Element fixed = (Element) results.item(3);
        assertEquals("fixed", text(fixed, "result"));
        assertEquals(0, fixed.getElementsByTagNameNS(XccdfReport.NS, "override").getLength());
        assertEquals("fixed by remediation #12, approved by fixer@example.test, verified 2026-12-05 09:00:00 "
                + "Europe/Berlin", fixed.getElementsByTagNameNS(XccdfReport.NS, "message").item(1).getTextContent());
        assertEquals("pass", text((Element) results.item(0), "result"), "a pass without a fix stays pass");
        Element excepted = (Element) results.item(2);
        assertEquals("xccdf_org.caart_rule_caart-debian-baseline_telnet-off", excepted.getAttribute("idref"));
        assertEquals("high", excepted.getAttribute("severity"), "critical is XCCDF's high");
        assertEquals("pass", text(excepted, "result"));
        Element override = (Element) excepted.getElementsByTagNameNS(XccdfReport.NS, "override").item(0);
        assertEquals("ciso@example.test", override.getAttribute("authority"));
        assertEquals("2026-12-04T11:00:00+01:00", override.getAttribute("time"));
        assertEquals("fail", text(override, "old-result"));
        assertEquals("pass", text(override, "new-result"));
        assertEquals("Legacy console, isolated VLAN (expires 2027-01-04T11:00:00+01:00) [CHG-42]",
                text(override, "remark"));
        assertEquals("fail", text((Element) results.item(1), "result"));
        var scores = doc.getElementsByTagNameNS(XccdfReport.NS, "score");
        assertEquals("33.33", scores.item(0).getTextContent());
        assertEquals("66.67", scores.item(1).getTextContent());
        assertEquals(4, doc.getElementsByTagNameNS(XccdfReport.NS, "Rule").getLength());
    }

    @Test
    void ocsfSuppressesTheExceptedFinding() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String[] lines = new String(write(new OcsfReport(out, "test"), out), StandardCharsets.UTF_8).split("\n");
        assertEquals(4, lines.length);
        JsonNode fixed = new ObjectMapper().readTree(lines[3]);
        assertEquals(4, fixed.get("status_id").asInt(), "a fixed check is a resolved finding");
        assertEquals(1, fixed.get("compliance").get("status_id").asInt());
        assertEquals("FIXED", fixed.get("compliance").get("status_code").asText());
        assertEquals("FIXED", fixed.get("unmapped").get("result").asText());
        assertEquals(12, fixed.get("unmapped").get("fixed_by").get("remediation_id").asLong());
        assertEquals("fixer@example.test", fixed.get("unmapped").get("fixed_by").get("approver").asText());
        assertEquals("2026-12-05T09:00:00+01:00", fixed.get("unmapped").get("fixed_by").get("verified_at").asText());
        assertTrue(new ObjectMapper().readTree(lines[0]).get("unmapped").get("fixed_by") == null);
        JsonNode excepted = new ObjectMapper().readTree(lines[2]);
        assertEquals(2003, excepted.get("class_uid").asInt());
        assertEquals(3, excepted.get("status_id").asInt());
        assertEquals("Suppressed", excepted.get("status").asText());
        assertEquals(5, excepted.get("severity_id").asInt());
        assertEquals("EXCEPTED", excepted.get("compliance").get("status_code").asText());
        assertEquals("Legacy console, isolated VLAN", excepted.get("unmapped").get("exception").get("reason").asText());
        assertEquals("ciso@example.test", excepted.get("unmapped").get("exception").get("approver").asText());
        JsonNode passed = new ObjectMapper().readTree(lines[0]);
        assertEquals(1, passed.get("compliance").get("status_id").asInt());
        assertEquals(4, passed.get("status_id").asInt(), "a passed check is a resolved finding");
        assertEquals(AT.toInstant().toEpochMilli(), passed.get("time").asLong());
    }

    @Test
    void pdfPrintsBothScoresAndTheException() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] pdf = write(new PdfReport(out), out);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertTrue(text.contains("Score: 33%   Score with exceptions: 67%"), text);
            assertTrue(text.contains("telnet-off  EXCEPTED  (critical)"), text);
            String unwrapped = text.replace("\r", "").replace("\n", " ");
            assertTrue(unwrapped.contains("Exception: Legacy console, isolated VLAN - approved by ciso@example.test on "
                    + "2026-12-04 11:00:00 Europe/Berlin, expires 2027-01-04 11:00:00 Europe/Berlin, ticket CHG-42"),
                    text);
            assertTrue(text.contains("Passed 1, failed 1, excepted 1, not applicable 0, errors 0, not run 0"), text);
            assertTrue(text.contains("Remediation: Fix ssh-ciphers"), text);
            assertTrue(text.contains("ssh-banner  FIXED  (low)"), text);
            assertTrue(unwrapped.contains("Fixed by: remediation #12, approved by fixer@example.test, verified "
                    + "2026-12-05 09:00:00 Europe/Berlin"), text);
        }
    }

    @Test
    void htmlShowsBothScoresAndTheException() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String html = new String(write(new HtmlReport(out), out), StandardCharsets.UTF_8);
        assertTrue(html.contains("<td id=\"score\">33%</td><td id=\"scoreWithExceptions\">67%</td>"), html);
        assertTrue(html.contains("class=\"caart-result s-EXCEPTED\""), html);
        assertTrue(html.contains("Legacy console, isolated VLAN — approved by ciso@example.test"), html);
        assertTrue(html.contains("class=\"caart-result s-FIXED\""), html);
        assertTrue(html.contains("<span class=\"caart-label\">Fixed by:</span> remediation #12, approved by "
                + "fixer@example.test, verified 2026-12-05 09:00:00 Europe/Berlin"), html);
    }

    @Test
    void pdfTextKeepsLatin1AndReplacesWhatItsFontLacks() {
        assertEquals("Gr\u00fc\u00dfe ?? caf\u00e9 – ok", PdfReport.winAnsi("Gr\u00fc\u00dfe \u4e16\u754c caf\u00e9 – ok"));
        assertEquals("a b", PdfReport.winAnsi("a\tb"));
    }

    @Test
    void aPassReadsFixedOnlyWhileAVerifiedFixWasInPlaceWhenTheRunStarted() {
        Report report = report();
        RunHeader before = new RunHeader(RUN.runId(), 6, "Earlier audit", 3, "web-01", "Debian GNU/Linux 12",
                "caart-debian-baseline", "CAaRT Debian baseline", RunStatus.COMPLETED, AT.minusHours(3),
                AT.minusHours(3), 1, 1, 1, 0, 0, 0, 0);
        assertEquals(FIX, report.fixOf(RUN, FIXED), "the run started after the fix was verified");
        assertEquals(null, report.fixOf(before, FIXED), "a run before the fix is a plain pass");
        assertEquals(null, report.fixOf(RUN, row(5, "ssh-banner", "A login banner is shown", CheckStatus.FAILED,
                Severity.LOW)), "a failure after a fix is a failure");
        assertEquals(null, report.fixOf(RUN, PASSED), "another check");
        RunHeader otherPolicy = new RunHeader(RUN.runId(), 7, "Known audit", 3, "web-01", "Debian GNU/Linux 12",
                "upload:4", "Uploaded", RunStatus.COMPLETED, AT.minusMinutes(5), AT, 1, 1, 1, 0, 0, 0, 0);
        assertEquals(null, report.fixOf(otherPolicy, FIXED), "another policy's check of the same id");
        VerifiedFix rolledBack = new VerifiedFix(3, "caart-debian-baseline", "ssh-banner", 12, "fixer@example.test",
                AT.minusHours(2), AT.minusHours(1));
        assertTrue(rolledBack.inPlaceAt(AT.minusMinutes(90)));
        assertTrue(!rolledBack.inPlaceAt(AT.minusMinutes(5)), "rolled back before the run started");
    }

    private static String text(Element parent, String name) {
        return parent.getElementsByTagNameNS(XccdfReport.NS, name).item(0).getTextContent();
    }
}
