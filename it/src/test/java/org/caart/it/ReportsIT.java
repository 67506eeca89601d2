package org.caart.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Reports and exports (issue 15) of one known audit: a fake agent posts five results (one per status, with commas,
 * quotes, line breaks and formula-looking text), and every format is checked field by field: CSV (RFC 4180, formula
 * injection neutralised), XCCDF 1.2 (validated by OpenSCAP's {@code oscap xccdf validate}), OCSF JSON lines, the PDF
 * (text extracted by poppler's {@code pdftotext}) and the HTML; the endpoint's and the company's latest results, the
 * patch board; downloads through REST and the portal, and refused to another company.
 */
@ExtendWith(SharedServer.class)
class ReportsIT {

    static final String POLICY = "caart-debian-baseline";
    static final String HOST = "report-host";
    static final String FORMULA_TITLE = "=HYPERLINK(\"http://evil.test\",\"click\")";
    static final String OBSERVED = "-2+3, \"quoted\"\nsecond line";

    private static Tenant t;
    private static long audit;
    private static long endpoint;

    @BeforeAll
    static void knownAudit() {
        t = Tenant.create("reports");
        FakeAgent agent = FakeAgent.enroll(t, HOST);
        assertEquals(200, agent.heartbeat().status(), "the heartbeat brings the device its patch date");
        Api.Reply created = t.api().post(t.path("/audits"), "{\"title\":\"Known audit, for reports\","
                + "\"allEndpoints\":true,\"policy\":\"" + POLICY + "\"}");
        assertEquals(201, created.status(), created.body());
        audit = created.json().getJsonNumber("id").longValue();
        endpoint = created.json().getJsonArray("runs").getJsonObject(0).getJsonNumber("endpointId").longValue();
        String run = agent.nextRun();
        assertEquals(202, agent.post(knownBatch(run).toString()).status());
        AgentApiIT.awaitStatus(t, audit, "COMPLETED");
    }

    static JsonObject knownBatch(String runId) {
        return knownBatch(runId, "FAILED");
    }

    /** The known results, with formula-check's status as given (FAILED in the known audit). */
    static JsonObject knownBatch(String runId, String formulaCheck) {
        JsonArrayBuilder results = Json.createArrayBuilder()
                .add(result("ssh-root-login", "Root login over SSH is off", "PASSED", "HIGH", "PermitRootLogin no",
                        "PermitRootLogin no", null, "Set PermitRootLogin no in /etc/ssh/sshd_config"))
                .add(result("formula-check", FORMULA_TITLE, formulaCheck, "MEDIUM", "+1", OBSERVED, "@SUM(A1)",
                        "Run: chmod 600 /etc/shadow, then \"reload\""))
                .add(result("na-check", "Only on Windows", "NOT_APPLICABLE", "LOW", null, null, "not Windows", null))
                .add(result("error-check", "Unreadable file", "ERROR", "CRITICAL", "readable", null,
                        "permission denied", null))
                .add(result("not-run-check", "Skipped check", "NOT_RUN", "INFO", null, null, "timed out", null));
        return Json.createObjectBuilder().add("batchId", FakeAgent.newBatchId()).add("runId", runId)
                .add("sequence", 0).add("planned", 5).add("results", results).add("end", "COMPLETED").build();
    }

    private static JsonObjectBuilder result(String id, String title, String status, String severity,
            String expected, String observed, String reason, String remediation) {
        JsonObjectBuilder r = Json.createObjectBuilder().add("checkId", id).add("title", title).add("status", status)
                .add("severity", severity).add("references", Json.createArrayBuilder().add("CIS 5.2.8").add("NIST AC-6"))
                .add("description", "What " + id + " checks.").add("durationMicros", 10);
        if (expected != null) {
            r.add("expected", expected);
        }
        if (observed != null) {
            r.add("observed", observed);
        }
        if (reason != null) {
            r.add("reason", reason);
        }
        if (remediation != null) {
            r.add("remediation", remediation);
        }
        return r;
    }

    @Test
    void csvHoldsEveryResultFieldByFieldWithFormulasNeutralised() {
        Api.Reply reply = t.api().get(t.path("/reports/audits/" + audit + "?format=csv"));
        assertEquals(200, reply.status(), reply.body());
        assertTrue(reply.contentType().startsWith("text/csv"), reply.contentType());
        assertTrue(reply.header("Content-Disposition").matches("attachment; filename=\"caart-audit-" + audit
                + "-\\d{4}-\\d{2}-\\d{2}\\.csv\""), reply.header("Content-Disposition"));
        assertTrue(reply.body().contains("\r\n"), "RFC 4180 lines end with CRLF");
        List<Map<String, String>> rows = csv(reply.body());
        assertEquals(5, rows.size(), reply.body());
        Map<String, String> failed = row(rows, "formula-check");
        assertEquals(HOST, failed.get("hostname"));
        assertEquals(String.valueOf(endpoint), failed.get("endpoint_id"));
        assertEquals(POLICY, failed.get("policy_id"));
        assertEquals(String.valueOf(audit), failed.get("audit_id"));
        assertEquals("Known audit, for reports", failed.get("audit_title"));
        assertEquals("'" + FORMULA_TITLE, failed.get("title"), "a formula is neutralised with an apostrophe");
        assertEquals("MEDIUM", failed.get("severity"));
        assertEquals("FAILED", failed.get("result"));
        assertEquals("FAILED", failed.get("agent_result"));
        assertEquals("+1", failed.get("expected"), "a plain number is left as it is");
        assertEquals("'" + OBSERVED, failed.get("observed"), "commas, quotes and a line break survive quoting");
        assertEquals("'@SUM(A1)", failed.get("reason"));
        assertEquals("CIS 5.2.8, NIST AC-6", failed.get("references"));
        assertEquals("Run: chmod 600 /etc/shadow, then \"reload\"", failed.get("remediation"));
        assertEquals("", failed.get("exception_reason"));
        assertTrue(failed.get("run_finished_at").matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\+0[12]:00"),
                "in the company's zone (Europe/Berlin): " + failed.get("run_finished_at"));
        Map<String, String> passed = row(rows, "ssh-root-login");
        assertEquals("PASSED", passed.get("result"));
        assertEquals("HIGH", passed.get("severity"));
        assertEquals("PermitRootLogin no", passed.get("observed"));
        assertEquals("NOT_APPLICABLE", row(rows, "na-check").get("result"));
        assertEquals("ERROR", row(rows, "error-check").get("result"));
        assertEquals("permission denied", row(rows, "error-check").get("reason"));
        assertEquals("NOT_RUN", row(rows, "not-run-check").get("result"));
        for (String line : reply.body().split("\r\n")) {
            for (String cell : line.split(",")) {
                assertFalse(cell.startsWith("=") || cell.startsWith("@") || cell.startsWith("\"="),
                        "no cell starts a formula: " + line);
            }
        }
    }

    @Test
    void anApprovedExceptionReadsExceptedWithItsApproverInEveryFormat() throws Exception {
        Tenant own = Tenant.create("reports-exc");
        Tenant.Member approver = own.addMember("reports-approver", "REMEDIATOR");
        FakeAgent agent = FakeAgent.enroll(own, HOST + "-exc");
        Api.Reply created = own.api().post(own.path("/audits"), "{\"title\":\"Audit with an exception\","
                + "\"allEndpoints\":true,\"policy\":\"" + POLICY + "\"}");
        assertEquals(201, created.status(), created.body());
        long excepted = created.json().getJsonNumber("id").longValue();
        assertEquals(202, agent.post(knownBatch(agent.nextRun()).toString()).status());
        AgentApiIT.awaitStatus(own, excepted, "COMPLETED");
        Api.Reply requested = own.api().post(own.path("/exceptions"), Json.createObjectBuilder()
                .add("policyId", POLICY).add("checkId", "formula-check").add("scope", "COMPANY")
                .add("reason", "Vendor fix due, accepted").add("ticket", "CHG-7")
                .add("expiresOn", java.time.LocalDate.now(Tenant.ZONE).plusDays(20).toString()).build().toString());
        assertEquals(201, requested.status(), requested.body());
        long id = requested.json().getJsonNumber("id").longValue();
        Api.Reply approved = approver.api().post(own.path("/exceptions/" + id + "/approve"), "{}");
        assertEquals(200, approved.status(), approved.body());

        Map<String, String> row = row(csv(own.api().get(own.path("/reports/audits/" + excepted + "?format=csv"))
                .body()), "formula-check");
        assertEquals("EXCEPTED", row.get("result"));
        assertEquals("FAILED", row.get("agent_result"), "the agent's own verdict stays visible");
        assertEquals("Vendor fix due, accepted", row.get("exception_reason"));
        assertEquals(approver.email(), row.get("exception_approver"));
        assertEquals("CHG-7", row.get("exception_ticket"));
        String xccdf = own.api().get(own.path("/reports/audits/" + excepted + "?format=xccdf")).body();
        assertTrue(xccdf.contains("<override") && xccdf.contains(approver.email()), xccdf);
        // the other company's report of the same checks knows nothing of this exception
        assertEquals("FAILED", row(csv(t.api().get(t.path("/reports/audits/" + audit + "?format=csv")).body()),
                "formula-check").get("result"));
    }

    @Test
    void aPassAfterAVerifiedRemediationReadsFixedInEveryFormatUntilItIsRolledBack() throws Exception {
        Tenant own = Tenant.create("reports-fix");
        Tenant.Member fixer = own.addMember("reports-fixer", "REMEDIATOR");
        FakeAgent agent = FakeAgent.enroll(own, HOST + "-fix");
        long before = knownAudit(own, agent, "Before the fix", "FAILED");
        Api.Reply ordered = Remediating.order(own.api(), own,
                List.of(Remediating.failing(own, before).get(agent.hostname + "/formula-check")));
        assertEquals(201, ordered.status(), ordered.body());
        long remediation = ordered.json().getJsonNumber("id").longValue();
        JsonObject plan = agent.remediationOrders().getJsonObject(0);
        JsonObject item = Remediating.ordered(plan, "formula-check");
        assertEquals(202, agent.remediationReport(Remediating.report(plan, 1, true, true, null, List.of(
                Remediating.item(item, "PLANNED", "FILE_MODE", "0644", "0600", null, null, null, List.of(), null))))
                .status());
        Remediating.awaitStatus(own.api(), own, remediation, "PLANNED");
        assertEquals(200, fixer.api().post(own.path("/remediations/" + remediation + "/approve"), "").status());
        JsonObject apply = agent.remediationOrders().getJsonObject(0);
        assertEquals("APPLY", apply.getString("action"));
        assertEquals(202, agent.remediationReport(Remediating.report(apply, 1, true, true, null, List.of(
                Remediating.item(Remediating.ordered(apply, "formula-check"), "FIXED", "FILE_MODE", "0644", "0600",
                        "0644", "0600", "re-check passed", List.of(), null)))).status());
        Remediating.awaitStatus(own.api(), own, remediation, "DONE");
        long after = knownAudit(own, agent, "After the fix", "PASSED");

        Map<String, String> fixed = row(csv(own.api().get(own.path("/reports/audits/" + after + "?format=csv"))
                .body()), "formula-check");
        assertEquals("FIXED", fixed.get("result"));
        assertEquals("PASSED", fixed.get("agent_result"), "the agent's own verdict stays visible");
        assertEquals(String.valueOf(remediation), fixed.get("fix_remediation"));
        assertEquals(fixer.email(), fixed.get("fix_approver"));
        assertTrue(fixed.get("fix_verified_at").matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\+0[12]:00"),
                fixed.get("fix_verified_at"));
        Map<String, String> plainPass = row(csv(own.api().get(own.path("/reports/audits/" + after + "?format=csv"))
                .body()), "ssh-root-login");
        assertEquals("PASSED", plainPass.get("result"), "a check no remediation touched passes plainly");
        assertEquals("", plainPass.get("fix_remediation"));
        assertEquals("FAILED", row(csv(own.api().get(own.path("/reports/audits/" + before + "?format=csv")).body()),
                "formula-check").get("result"), "the failure that was remediated stays a failure");
        assertEquals("FIXED", row(csv(own.api().get(own.path("/reports/company?format=csv")).body()),
                "formula-check").get("result"), "the company's latest results");
        assertEquals("FIXED", row(csv(own.api().get(own.path("/reports/endpoints/"
                + AgentApiIT.endpointId(own, agent.hostname) + "?format=csv")).body()), "formula-check")
                .get("result"), "the endpoint's latest results");

        Element ruleResult = ruleResult(validXccdf(own, after), "formula-check");
        assertEquals("fixed", text(ruleResult, "result"));
        assertEquals(0, ruleResult.getElementsByTagNameNS(XCCDF, "override").getLength());
        assertTrue(ruleResult.getElementsByTagNameNS(XCCDF, "message").item(1).getTextContent()
                .startsWith("fixed by remediation #" + remediation + ", approved by " + fixer.email() + ", verified "),
                "the fix in a message");
        assertEquals("pass", text(ruleResult(validXccdf(own, after), "ssh-root-login"), "result"));

        JsonObject finding = finding(own.api().get(own.path("/reports/audits/" + after + "?format=ocsf")).body(),
                "formula-check");
        assertEquals(4, finding.getInt("status_id"), "resolved");
        assertEquals(1, finding.getJsonObject("compliance").getInt("status_id"));
        assertEquals("Pass", finding.getJsonObject("compliance").getString("status"));
        assertEquals("FIXED", finding.getJsonObject("compliance").getString("status_code"));
        JsonObject fixedBy = finding.getJsonObject("unmapped").getJsonObject("fixed_by");
        assertEquals(remediation, fixedBy.getJsonNumber("remediation_id").longValue());
        assertEquals(fixer.email(), fixedBy.getString("approver"));
        assertEquals(fixed.get("fix_verified_at"), fixedBy.getString("verified_at"));

        String note = "Fixed by: remediation #" + remediation + ", approved by " + fixer.email() + ", verified ";
        String html = own.api().get(own.path("/reports/audits/" + after + "?format=html")).body();
        assertTrue(html.contains("<span class=\"caart-status\">FIXED</span>"), html);
        assertTrue(html.contains(note.replace("Fixed by:", "Fixed by:</span>")), html);
        String pdf = pdfText(own, after).replace("\n", " ");
        assertTrue(pdf.contains("formula-check FIXED (medium)") || pdf.contains("formula-check  FIXED  (medium)"), pdf);
        assertTrue(pdf.contains(note), pdf);
        assertTrue(pdf.contains("Passed 2, failed 0, excepted 0"), "a fixed check counts as passed: " + pdf);

        Api.Reply rolling = own.api().post(own.path("/remediations/" + remediation + "/rollback"), "{}");
        assertEquals(200, rolling.status(), rolling.body());
        JsonObject rollback = agent.remediationOrders().getJsonObject(0);
        assertEquals(202, agent.remediationReport(Remediating.report(rollback, 1, true, true, null, List.of(
                Remediating.item(Remediating.ordered(rollback, "formula-check"), "ROLLED_BACK", "FILE_MODE", "0600",
                        null, "0644", "0644", "the before value is back", List.of(), null)))).status());
        Remediating.awaitStatus(own.api(), own, remediation, "DONE");
        long afterRollback = knownAudit(own, agent, "After the rollback", "PASSED");
        assertEquals("PASSED", row(csv(own.api().get(own.path("/reports/audits/" + afterRollback + "?format=csv"))
                .body()), "formula-check").get("result"), "a pass after the rollback is not the fix's");
        assertEquals("FIXED", row(csv(own.api().get(own.path("/reports/audits/" + after + "?format=csv")).body()),
                "formula-check").get("result"), "the audit run while the fix was in place keeps it");
        assertEquals("PASSED", row(csv(t.api().get(t.path("/reports/audits/" + audit + "?format=csv")).body()),
                "ssh-root-login").get("result"), "another company's report knows nothing of it");
    }

    private static long knownAudit(Tenant tenant, FakeAgent agent, String title, String formulaCheck) {
        Api.Reply created = tenant.api().post(tenant.path("/audits"), "{\"title\":\"" + title + "\","
                + "\"allEndpoints\":true,\"policy\":\"" + POLICY + "\"}");
        assertEquals(201, created.status(), created.body());
        long id = created.json().getJsonNumber("id").longValue();
        assertEquals(202, agent.post(knownBatch(agent.nextRun(), formulaCheck).toString()).status());
        AgentApiIT.awaitStatus(tenant, id, "COMPLETED");
        return id;
    }

    /** The audit's XCCDF, after {@code oscap xccdf validate} accepted it. */
    private static Document validXccdf(Tenant tenant, long auditId) throws Exception {
        Api.Reply reply = tenant.api().get(tenant.path("/reports/audits/" + auditId + "?format=xccdf"));
        assertEquals(200, reply.status(), reply.body());
        Path file = Files.createTempFile("caart-report", ".xccdf.xml");
        try {
            Files.writeString(file, reply.body());
            Process oscap = run("oscap", "xccdf", "validate", file.toString());
            String said = new String(oscap.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, oscap.waitFor(), "oscap xccdf validate: " + said + "\n" + reply.body());
        } finally {
            Files.delete(file);
        }
        return DocumentBuilderFactory.newDefaultNSInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(reply.body().getBytes(StandardCharsets.UTF_8)));
    }

    private static Element ruleResult(Document xccdf, String checkId) {
        NodeList ruleResults = xccdf.getElementsByTagNameNS(XCCDF, "rule-result");
        for (int i = 0; i < ruleResults.getLength(); i++) {
            Element r = (Element) ruleResults.item(i);
            if (r.getAttribute("idref").endsWith("_" + checkId)) {
                return r;
            }
        }
        throw new AssertionError("no rule-result for " + checkId);
    }

    private static JsonObject finding(String ocsf, String checkId) {
        return ocsf.lines().map(ReportsIT::json)
                .filter(f -> f.getJsonObject("compliance").getString("control").equals(checkId)).findFirst()
                .orElseThrow(() -> new AssertionError("no finding for " + checkId + ": " + ocsf));
    }

    private static String pdfText(Tenant tenant, long auditId) throws Exception {
        Api.Bytes reply = tenant.api().getBytes(tenant.path("/reports/audits/" + auditId + "?format=pdf"));
        assertEquals(200, reply.status());
        Path pdf = Files.createTempFile("caart-report", ".pdf");
        try {
            Files.write(pdf, reply.body());
            Process pdftotext = run("pdftotext", "-enc", "UTF-8", pdf.toString(), "-");
            String text = new String(pdftotext.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, pdftotext.waitFor(), text);
            return text;
        } finally {
            Files.delete(pdf);
        }
    }

    @Test
    void xccdfValidatesWithOpenScapAndMapsEveryResult() throws Exception {
        Api.Reply reply = t.api().get(t.path("/reports/audits/" + audit + "?format=xccdf"));
        assertEquals(200, reply.status(), reply.body());
        Path file = Files.createTempFile("caart-report", ".xccdf.xml");
        Files.writeString(file, reply.body());
        Process oscap = run("oscap", "xccdf", "validate", file.toString());
        String said = new String(oscap.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, oscap.waitFor(), "oscap xccdf validate: " + said + "\n" + reply.body());
        Document xml = DocumentBuilderFactory.newDefaultNSInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(reply.body().getBytes(StandardCharsets.UTF_8)));
        assertEquals("Benchmark", xml.getDocumentElement().getLocalName());
        assertEquals(5, xml.getElementsByTagNameNS(XCCDF, "Rule").getLength());
        NodeList testResults = xml.getElementsByTagNameNS(XCCDF, "TestResult");
        assertEquals(1, testResults.getLength());
        Element testResult = (Element) testResults.item(0);
        assertEquals(HOST, text(testResult, "target"));
        Map<String, String> results = new java.util.TreeMap<>();
        NodeList ruleResults = testResult.getElementsByTagNameNS(XCCDF, "rule-result");
        for (int i = 0; i < ruleResults.getLength(); i++) {
            Element r = (Element) ruleResults.item(i);
            results.put(r.getAttribute("idref").replaceAll(".*_", ""), text(r, "result"));
        }
        assertEquals(Map.of("ssh-root-login", "pass", "formula-check", "fail", "na-check", "notapplicable",
                "error-check", "error", "not-run-check", "notchecked"), results);
        NodeList scores = testResult.getElementsByTagNameNS(XCCDF, "score");
        assertEquals("50.00", scores.item(0).getTextContent(), "1 passed, 1 failed");
        assertEquals("urn:caart:scoring:passed-share", ((Element) scores.item(0)).getAttribute("system"));
        assertEquals("50.00", scores.item(1).getTextContent(), "no exception: the same score");
        assertTrue(reply.body().contains("expected: +1; observed: " + OBSERVED.replace("\"", "&quot;"))
                || reply.body().contains("expected: +1; observed: -2+3, \"quoted\""), "evidence in the message");
        Files.delete(file);
    }

    @Test
    void ocsfLinesAreComplianceFindings() {
        Api.Reply reply = t.api().get(t.path("/reports/audits/" + audit + "?format=ocsf"));
        assertEquals(200, reply.status(), reply.body());
        String[] lines = reply.body().split("\n");
        assertEquals(5, lines.length, reply.body());
        JsonObject failed = null;
        for (String line : lines) {
            JsonObject finding = json(line);
            assertEquals(2003, finding.getInt("class_uid"));
            assertEquals(2, finding.getInt("category_uid"));
            assertEquals(200301, finding.getInt("type_uid"));
            assertEquals("1.1.0", finding.getJsonObject("metadata").getString("version"));
            assertEquals(HOST, finding.getJsonObject("device").getString("hostname"));
            if (finding.getJsonObject("compliance").getString("control").equals("formula-check")) {
                failed = finding;
            }
        }
        assertTrue(failed != null, reply.body());
        assertEquals(3, failed.getJsonObject("compliance").getInt("status_id"));
        assertEquals("Fail", failed.getJsonObject("compliance").getString("status"));
        assertEquals(List.of("CIS 5.2.8", "NIST AC-6"), failed.getJsonObject("compliance")
                .getJsonArray("requirements").getValuesAs(jakarta.json.JsonString.class).stream()
                .map(jakarta.json.JsonString::getString).toList());
        assertEquals(3, failed.getInt("severity_id"));
        assertEquals(1, failed.getInt("status_id"), "a failing check is a new finding");
        assertEquals(FORMULA_TITLE, failed.getJsonObject("finding_info").getString("title"));
        assertEquals("Run: chmod 600 /etc/shadow, then \"reload\"",
                failed.getJsonObject("remediation").getString("desc"));
        assertEquals(OBSERVED, failed.getJsonObject("unmapped").getString("observed"));
        assertEquals("+1", failed.getJsonObject("unmapped").getString("expected"));
    }

    @Test
    void pdfTextHasTheSummaryEvidenceAndRemediation() throws Exception {
        Api.Bytes reply = t.api().getBytes(t.path("/reports/audits/" + audit + "?format=pdf"));
        assertEquals(200, reply.status());
        assertEquals("application/pdf", reply.contentType());
        Path pdf = Files.createTempFile("caart-report", ".pdf");
        Files.write(pdf, reply.body());
        Process pdftotext = run("pdftotext", "-enc", "UTF-8", pdf.toString(), "-");
        String text = new String(pdftotext.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, pdftotext.waitFor(), text);
        List<String> lines = text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        assertTrue(lines.contains("Audit report: Known audit, for reports"), text);
        assertTrue(lines.contains("CAaRT - " + t.companyName() + " - page 1"), "the footer: " + text);
        assertTrue(lines.contains("Company: " + t.companyName()), text);
        assertTrue(lines.contains("Score: 50%   Score with exceptions: 50%")
                || lines.contains("Score: 50%  Score with exceptions: 50%")
                || lines.contains("Score: 50% Score with exceptions: 50%"), text);
        assertTrue(lines.contains("Passed 1, failed 1, excepted 0, not applicable 1, errors 1, not run 1"), text);
        assertTrue(lines.contains("formula-check FAILED (medium)") || lines.contains("formula-check  FAILED  (medium)"),
                text);
        assertTrue(lines.contains(FORMULA_TITLE), text);
        assertTrue(lines.contains("Expected: +1"), text);
        assertTrue(lines.contains("Observed: -2+3, \"quoted\""), text);
        assertTrue(lines.contains("second line"), text);
        assertTrue(lines.contains("Reason: @SUM(A1)"), text);
        assertTrue(lines.contains("Remediation: Run: chmod 600 /etc/shadow, then \"reload\""), text);
        assertTrue(lines.contains("Reason: permission denied"), text);
        assertFalse(lines.contains("Remediation: Set PermitRootLogin no in /etc/ssh/sshd_config"),
                "a passed check's remediation is not printed: " + text);
        Files.delete(pdf);
    }

    @Test
    void htmlPrintsWellAndEscapesWhatItShows() {
        Api.Reply reply = t.api().get(t.path("/reports/audits/" + audit + "?format=html"));
        assertEquals(200, reply.status(), reply.body());
        assertTrue(reply.body().contains("@media print"), "print styles");
        assertTrue(reply.body().contains("<td id=\"score\">50%</td>"), reply.body());
        assertTrue(reply.body().contains("=HYPERLINK(&quot;http://evil.test&quot;,&quot;click&quot;)"),
                "the title is escaped");
        assertFalse(reply.body().contains("<script"), "no script");
    }

    @Test
    void endpointAndCompanyReportsHoldTheLatestCompletedResults() {
        Api.Reply endpointCsv = t.api().get(t.path("/reports/endpoints/" + endpoint + "?format=csv"));
        assertEquals(200, endpointCsv.status(), endpointCsv.body());
        assertEquals(5, csv(endpointCsv.body()).size());
        Api.Reply companyCsv = t.api().get(t.path("/reports/company?format=csv"));
        assertEquals(200, companyCsv.status(), companyCsv.body());
        assertEquals(5, csv(companyCsv.body()).size());
        assertEquals(String.valueOf(audit), csv(companyCsv.body()).get(0).get("audit_id"));
        Api.Reply ocsf = t.api().get(t.path("/reports/company?format=ocsf"));
        assertEquals(5, ocsf.body().split("\n").length);
    }

    @Test
    void patchBoardDownloadsAsCsv() {
        Api.Reply reply = t.api().get(t.path("/reports/patch-board"));
        assertEquals(200, reply.status(), reply.body());
        List<Map<String, String>> rows = csv(reply.body());
        assertEquals(1, rows.size(), reply.body());
        assertEquals(HOST, rows.get(0).get("device"));
        assertEquals("2026-11-01", rows.get(0).get("last_patch_date"));
        assertEquals("AGENT", rows.get(0).get("source"));
        assertEquals("apt history", rows.get(0).get("source_detail"));
        assertEquals("yes", rows.get(0).get("agent"));
    }

    @Test
    void anotherCompanyGetsNothing() {
        Tenant other = Tenant.create("reports-other");
        for (String path : List.of("/reports/audits/" + audit + "?format=csv",
                "/reports/endpoints/" + endpoint + "?format=pdf", "/reports/company?format=ocsf",
                "/reports/patch-board")) {
            Api.Reply reply = other.api().get(t.path(path));
            assertEquals(404, reply.status(), path + ": " + reply.body());
            assertFalse(reply.body().contains(HOST), path);
        }
        // the other company's own id with this audit's id: not found either
        assertEquals(404, other.api().get(other.path("/reports/audits/" + audit + "?format=csv")).status());
        assertEquals(404, other.api().get(other.path("/reports/endpoints/" + endpoint + "?format=csv")).status());
        assertEquals(401, Api.anonymous(SharedServer.server()).get(t.path("/reports/company?format=csv")).status());
        Api.Reply bad = t.api().get(t.path("/reports/company?format=docx"));
        assertEquals(400, bad.status(), bad.body());
        assertTrue(bad.body().contains("format"), bad.body());
        // the portal's download: the member gets it, the other company's member a 404
        PortalClient.Page mine = t.portal().get("/app/download?company=" + t.companyId() + "&audit=" + audit
                + "&format=csv");
        assertEquals(200, mine.status());
        assertEquals(5, csv(mine.body()).size());
        PortalClient.Page theirs = other.portal().get("/app/download?company=" + t.companyId() + "&audit=" + audit
                + "&format=csv");
        assertEquals(404, theirs.status());
        assertFalse(theirs.body().contains(HOST));
        assertEquals(404, other.portal().get("/app/download?company=" + other.companyId() + "&audit=" + audit
                + "&format=csv").status());
    }

    @Test
    void aViewerMayDownload() {
        Tenant.Member viewer = t.addMember("report-viewer", "VIEWER");
        Api.Reply reply = viewer.api().get(t.path("/reports/audits/" + audit + "?format=csv"));
        assertEquals(200, reply.status(), reply.body());
        assertEquals(5, csv(reply.body()).size());
    }

    static final String XCCDF = "http://checklists.nist.gov/xccdf/1.2";

    static Process run(String... command) throws IOException {
        if (!Files.isExecutable(Path.of("/usr/bin", command[0]))) {
            throw new IllegalStateException(command[0] + " is missing: apt-get install openscap-utils poppler-utils "
                    + "(scripts/test installs them)");
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(command[0] + " did not finish in 60 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return process;
    }

    private static String text(Element parent, String name) {
        return parent.getElementsByTagNameNS(XCCDF, name).item(0).getTextContent();
    }

    private static JsonObject json(String line) {
        try (JsonReader reader = Json.createReader(new StringReader(line))) {
            return reader.readObject();
        }
    }

    private static Map<String, String> row(List<Map<String, String>> rows, String checkId) {
        return rows.stream().filter(r -> checkId.equals(r.get("check_id"))).findFirst()
                .orElseThrow(() -> new AssertionError("no row for " + checkId + ": " + rows));
    }

    /** RFC 4180 read back: the first record names the columns. */
    static List<Map<String, String>> csv(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                record.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                record.add(cell.toString());
                cell.setLength(0);
                records.add(record);
                record = new ArrayList<>();
                i++;
            } else {
                cell.append(c);
            }
        }
        assertTrue(record.isEmpty() && cell.isEmpty(), "the last record ends with CRLF");
        List<String> header = records.get(0);
        List<Map<String, String>> rows = new ArrayList<>();
        for (List<String> r : records.subList(1, records.size())) {
            assertEquals(header.size(), r.size(), "every record has every column: " + r);
            Map<String, String> row = new java.util.LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                row.put(header.get(i), r.get(i));
            }
            rows.add(row);
        }
        return rows;
    }
}
