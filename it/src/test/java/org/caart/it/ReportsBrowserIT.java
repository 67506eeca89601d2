package org.caart.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The report buttons in the browser (issue 15): on the audit page a click on "CSV" saves the audit's CSV, the
 * dashboard's company report and the patch board's CSV download, and the HTML report opens readable (screenshots in
 * it/target/screenshots).
 */
@ExtendWith(SharedServer.class)
class ReportsBrowserIT {

    private Browser browser;

    @BeforeEach
    void openBrowser() {
        browser = new Browser(SharedServer.server());
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void downloadButtonsSaveTheReports() throws Exception {
        Tenant t = Tenant.create("report-clicks");
        FakeAgent agent = FakeAgent.enroll(t, ReportsIT.HOST);
        Api.Reply created = t.api().post(t.path("/audits"), "{\"title\":\"Clicked report\",\"allEndpoints\":true,"
                + "\"policy\":\"" + ReportsIT.POLICY + "\"}");
        assertEquals(201, created.status(), created.body());
        long audit = created.json().getJsonNumber("id").longValue();
        assertEquals(202, agent.post(ReportsIT.knownBatch(agent.nextRun()).toString()).status());
        AgentApiIT.awaitStatus(t, audit, "COMPLETED");

        Path downloads = Files.createTempDirectory("caart-downloads");
        browser.login(t.ownerEmail(), t.password());
        browser.downloadInto(downloads);
        browser.open("/app/audit.xhtml?company=" + t.companyId() + "&audit=" + audit);
        browser.waitForText("auditStatus", "COMPLETED");
        Path shot = browser.screenshot("reports-audit-page");
        Files.writeString(shot.resolveSibling("reports-audit-page.html"), browser.driver().getPageSource());
        browser.find("downloadCsv").click();
        String csv = Files.readString(await(downloads, "caart-audit-" + audit, ".csv"), StandardCharsets.UTF_8);
        assertEquals(5, ReportsIT.csv(csv).size(), csv);
        assertTrue(csv.startsWith("hostname,endpoint_id,"), csv);

        browser.find("downloadPdf").click();
        byte[] pdf = Files.readAllBytes(await(downloads, "caart-audit-" + audit, ".pdf"));
        assertTrue(new String(pdf, 0, 5, StandardCharsets.ISO_8859_1).equals("%PDF-"), "a PDF");

        browser.open("/app/dashboard.xhtml?company=" + t.companyId());
        browser.find("downloadOcsf").click();
        List<String> ocsf = Files.readAllLines(await(downloads, "caart-company-" + t.companyId(), ".ocsf.jsonl"));
        assertEquals(5, ocsf.size());
        assertTrue(ocsf.get(0).contains("\"class_uid\":2003"), ocsf.get(0));

        browser.open("/app/patches.xhtml?company=" + t.companyId());
        browser.find("downloadPatchBoard").click();
        String board = Files.readString(await(downloads, "caart-patch-board-" + t.companyId(), ".csv"));
        assertTrue(board.startsWith("device,type,criticality,"), board);

        browser.open("/app/download?company=" + t.companyId() + "&audit=" + audit + "&format=html");
        assertTrue(browser.text().contains("Audit report: Clicked report"), browser.text());
        assertTrue(browser.text().contains("Score with exceptions"), browser.text());
        browser.screenshot("reports-html-report");
        assertEquals(List.of(), browser.cspViolations(), "the report's inline style is allowed, it has no script");
        try (Stream<Path> files = Files.list(downloads)) {
            files.forEach(f -> f.toFile().delete());
        }
        Files.delete(downloads);
    }

    /** The finished download whose name starts and ends so (Chromium writes .crdownload first). */
    private static Path await(Path folder, String prefix, String suffix) throws IOException, InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < until) {
            try (Stream<Path> files = Files.list(folder)) {
                Optional<Path> done = files.filter(f -> f.getFileName().toString().startsWith(prefix)
                        && f.getFileName().toString().endsWith(suffix)).findFirst();
                if (done.isPresent() && Files.size(done.get()) > 0) {
                    Thread.sleep(200);
                    return done.get();
                }
            }
            Thread.sleep(200);
        }
        try (Stream<Path> files = Files.list(folder)) {
            throw new AssertionError("no download " + prefix + "*" + suffix + " in " + files.toList());
        }
    }
}
