package org.caart.report.control;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.caart.audit.boundary.ReportReads.ResultRow;
import org.caart.audit.boundary.ReportReads.RunHeader;
import org.caart.audit.entity.Score;
import org.caart.contract.agent.v1.Severity;
import org.caart.report.boundary.ExceptionGrant;
import org.caart.report.boundary.Report;
import org.caart.report.boundary.ReportLine;

/**
 * The results as an XCCDF 1.2 Benchmark holding one Rule per policy and check met, then one TestResult per run with a
 * rule-result per result. XCCDF puts the Rules before the TestResults, so the results are read twice: first for the
 * Rules ({@link #rule}, which keeps one entry per distinct check), then for the results. Mapping in docs/reports.md.
 */
public final class XccdfReport implements ReportWriter {

    public static final String NS = "http://checklists.nist.gov/xccdf/1.2";
    static final String DC = "http://purl.org/dc/elements/1.1/";
    public static final String SCORE_RAW = "urn:caart:scoring:passed-share";
    public static final String SCORE_EXCEPTED = "urn:caart:scoring:passed-share-with-exceptions";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");
    private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();

    private record Rule(String id, String policyId, String policyName, ResultRow sample) {
    }

    private final OutputStream out;
    private final XMLStreamWriter xml;
    private final Map<String, Rule> rules = new LinkedHashMap<>();
    /** The Rule id per policy and check ({@link #ruleId} once per distinct check, not once per result). */
    private final Map<String, String> ruleIds = new HashMap<>();
    private Report report;

    public XccdfReport(OutputStream out) throws IOException {
        // the XML writer writes each name and value on its own: buffered, as the other formats are
        this.out = new BufferedOutputStream(out, 64 * 1024);
        try {
            xml = XML.createXMLStreamWriter(this.out, StandardCharsets.UTF_8.name());
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
    }

    /** First pass: remembers the line's check as a Rule (once per policy and check). */
    public void rule(ReportLine line) {
        String id = ruleIdOf(line);
        rules.putIfAbsent(id, new Rule(id, line.run().policyId(), line.run().policyName(), line.result()));
    }

    private String ruleIdOf(ReportLine line) {
        return ruleIds.computeIfAbsent(line.run().policyId() + '\n' + line.result().checkId(),
                k -> ruleId(line.run().policyId(), line.result().checkId()));
    }

    @Override
    public void begin(Report report) throws IOException {
        this.report = report;
        try {
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("Benchmark");
            xml.writeDefaultNamespace(NS);
            xml.writeAttribute("id", "xccdf_org.caart_benchmark_" + report.kind().name().toLowerCase(Locale.ROOT)
                    + "-" + report.subjectId());
            xml.writeAttribute("xml", "http://www.w3.org/XML/1998/namespace", "lang", "en");
            xml.writeAttribute("resolved", "true");
            element("status", "accepted", "date", report.generatedAt().atZoneSameInstant(report.zone())
                    .toLocalDate().toString());
            element("title", report.title());
            element("description", "CAaRT results for " + report.companyName() + ", written "
                    + time(report.generatedAt()) + ". Score (passed share): " + report.rawScoreLabel()
                    + "; with exceptions: " + report.exceptedScoreLabel() + ".");
            element("version", "1");
            xml.writeStartElement("metadata");
            xml.writeStartElement("dc", "creator", DC);
            xml.writeNamespace("dc", DC);
            xml.writeCharacters("CAaRT");
            xml.writeEndElement();
            xml.writeEndElement();
            for (Rule rule : rules.values()) {
                writeRule(rule);
            }
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
    }

    private void writeRule(Rule rule) throws XMLStreamException {
        ResultRow r = rule.sample();
        xml.writeStartElement("Rule");
        xml.writeAttribute("id", rule.id());
        xml.writeAttribute("selected", "true");
        xml.writeAttribute("severity", severity(r.severity()));
        element("title", r.title());
        element("description", r.description() == null || r.description().isBlank()
                ? rule.policyName() + ", check " + r.checkId() : r.description());
        if (r.references() != null && !r.references().isBlank()) {
            element("reference", r.references());
        }
        if (r.rationale() != null && !r.rationale().isBlank()) {
            element("rationale", r.rationale());
        }
        xml.writeStartElement("ident");
        xml.writeAttribute("system", "urn:caart:check:" + clean(rule.policyName()));
        xml.writeCharacters(clean(r.checkId()));
        xml.writeEndElement();
        if (r.remediation() != null && !r.remediation().isBlank()) {
            element("fixtext", r.remediation());
        }
        check(rule.policyId(), r.checkId());
        xml.writeEndElement();
    }

    @Override
    public void run(RunHeader run) throws IOException {
        try {
            xml.writeStartElement("TestResult");
            xml.writeAttribute("id", "xccdf_org.caart_testresult_" + run.runId());
            if (run.startedAt() != null) {
                xml.writeAttribute("start-time", time(run.startedAt()));
            }
            xml.writeAttribute("end-time", time(run.finishedAt() == null ? report.generatedAt() : run.finishedAt()));
            xml.writeAttribute("test-system", "cpe:/a:caart:caart");
            xml.writeStartElement("benchmark");
            xml.writeAttribute("href", "#");
            xml.writeAttribute("id", "xccdf_org.caart_benchmark_" + report.kind().name().toLowerCase(Locale.ROOT)
                    + "-" + report.subjectId());
            xml.writeEndElement();
            element("title", run.auditTitle() + ": " + run.hostname() + ", " + run.policyName());
            element("remark", "Audit " + run.auditId() + ", run " + run.runId() + ", status " + run.status()
                    + ", score " + run.scoreLabel());
            element("organization", report.companyName());
            element("target", run.hostname());
            xml.writeStartElement("target-facts");
            fact("urn:xccdf:fact:asset:identifier:host_name", run.hostname());
            fact("urn:xccdf:fact:asset:identifier:os_name", run.os() == null ? "" : run.os());
            fact("urn:caart:fact:endpoint-id", String.valueOf(run.endpointId()));
            xml.writeEndElement();
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
    }

    @Override
    public void line(ReportLine line) throws IOException {
        ResultRow r = line.result();
        try {
            xml.writeStartElement("rule-result");
            xml.writeAttribute("idref", ruleIdOf(line));
            xml.writeAttribute("severity", severity(r.severity()));
            if (r.receivedAt() != null) {
                xml.writeAttribute("time", time(r.receivedAt()));
            }
            element("result", line.excepted() ? "pass" : line.fixed() ? "fixed" : result(r));
            if (line.excepted()) {
                ExceptionGrant e = line.exception();
                xml.writeStartElement("override");
                xml.writeAttribute("time", time(e.approvedAt() == null ? report.generatedAt() : e.approvedAt()));
                xml.writeAttribute("authority", e.approver() == null ? "" : clean(e.approver()));
                element("old-result", "fail");
                element("new-result", "pass");
                element("remark", e.reason() + (e.expiresAt() == null ? "" : " (expires " + time(e.expiresAt()) + ")")
                        + (e.ticket() == null || e.ticket().isBlank() ? "" : " [" + e.ticket() + "]"));
                xml.writeEndElement();
            }
            xml.writeStartElement("ident");
            xml.writeAttribute("system", "urn:caart:check");
            xml.writeCharacters(clean(r.checkId()));
            xml.writeEndElement();
            message("expected: " + nz(r.expected()) + "; observed: " + nz(r.observed())
                    + (r.reason() == null || r.reason().isBlank() ? "" : "; reason: " + r.reason()));
            if (line.fixed()) {
                message("fixed by " + Times.fix(line.fix(), report.zone()));
            }
            check(line.run().policyId(), r.checkId());
            xml.writeEndElement();
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
    }

    @Override
    public void endRun(RunHeader run) throws IOException {
        try {
            Report.RunScore score = report.scores().get(run.runId());
            score(SCORE_RAW, score == null ? null : score.raw());
            score(SCORE_EXCEPTED, score == null ? null : score.withExceptions());
            xml.writeEndElement();
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
    }

    @Override
    public void end() throws IOException {
        try {
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.flush();
            out.flush();
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
    }

    /** A run without a score (not completed, nothing passed or failed) scores 0 in XCCDF, which needs a number. */
    private void score(String system, Double value) throws XMLStreamException {
        xml.writeStartElement("score");
        xml.writeAttribute("system", system);
        xml.writeAttribute("maximum", "100");
        xml.writeCharacters(String.format(Locale.ROOT, "%.2f", value == null ? 0.0 : value));
        xml.writeEndElement();
    }

    /** The check that decided: the CAaRT policy and check that the agent evaluated. */
    private void check(String policyId, String checkId) throws XMLStreamException {
        xml.writeStartElement("check");
        xml.writeAttribute("system", "urn:caart:check");
        xml.writeEmptyElement("check-content-ref");
        xml.writeAttribute("href", "caart:" + clean(policyId));
        xml.writeAttribute("name", clean(checkId));
        xml.writeEndElement();
    }

    private void message(String text) throws XMLStreamException {
        xml.writeStartElement("message");
        xml.writeAttribute("severity", "info");
        xml.writeCharacters(clean(text));
        xml.writeEndElement();
    }

    private void fact(String name, String value) throws XMLStreamException {
        xml.writeStartElement("fact");
        xml.writeAttribute("name", name);
        xml.writeAttribute("type", "string");
        xml.writeCharacters(clean(value));
        xml.writeEndElement();
    }

    private void element(String name, String text, String... attributes) throws XMLStreamException {
        xml.writeStartElement(name);
        for (int i = 0; i + 1 < attributes.length; i += 2) {
            xml.writeAttribute(attributes[i], attributes[i + 1]);
        }
        xml.writeCharacters(clean(text));
        xml.writeEndElement();
    }

    private String time(OffsetDateTime at) {
        return TIME.format(at.atZoneSameInstant(report == null ? ZoneOffset.UTC : report.zone()));
    }

    static String result(ResultRow r) {
        return switch (r.status()) {
            case PASSED -> "pass";
            case FAILED -> "fail";
            case ERROR -> "error";
            case NOT_APPLICABLE -> "notapplicable";
            case NOT_RUN -> "notchecked";
        };
    }

    static String severity(Severity severity) {
        if (severity == null) {
            return "unknown";
        }
        return switch (severity) {
            case INFO -> "info";
            case LOW -> "low";
            case MEDIUM -> "medium";
            case HIGH, CRITICAL -> "high";
        };
    }

    /**
     * A Rule id XCCDF accepts ({@code xccdf_<namespace>_rule_<name>}, an NCName): the policy and check ids with any
     * other character replaced, and a digest of the original when something was replaced, so ids stay distinct.
     */
    static String ruleId(String policyId, String checkId) {
        return "xccdf_org.caart_rule_" + part(policyId) + "_" + part(checkId);
    }

    private static String part(String id) {
        String safe = id.replaceAll("[^A-Za-z0-9.-]", "-");
        return safe.equals(id) ? safe : safe + "-" + digest(id);
    }

    private static String digest(String id) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(id.getBytes(StandardCharsets.UTF_8)), 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String nz(String value) {
        return value == null ? "" : value;
    }

    /** Text without the characters XML 1.0 cannot hold (control characters other than tab, CR and LF). */
    static String clean(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean bad = (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0xFFFE || c == 0xFFFF;
            if (bad && out == null) {
                out = new StringBuilder(text.substring(0, i));
            }
            if (out != null) {
                out.append(bad ? '\uFFFD' : c);
            }
        }
        return out == null ? text : out.toString();
    }
}
