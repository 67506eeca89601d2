package org.caart.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Looking back (issue 16): the audit history with policy, endpoints, score, duration and state; the comparison of two
 * audits; the endpoint page; the dashboard's set-based figures, its trend chart's data and the failing checks a page
 * at a time. Read as the portal serves them, and from another company.
 */
@ExtendWith(SharedServer.class)
class AuditHistoryIT {

    private static final Pattern RAW_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}");

    static AuditHistoryFixture h;

    @BeforeAll
    static void history() {
        h = AuditHistoryFixture.create("history");
    }

    @Test
    void theHistoryShowsPolicyEndpointsScoreDurationAndState() {
        String page = get("/app/audits.xhtml?company=" + h.t().companyId());
        String row = row(page, "Baseline week 2");
        assertTrue(row.contains("Debian"), "the policy: " + row);
        assertTrue(row.contains(">1<"), "one endpoint: " + row);
        assertTrue(row.contains("50%"), "the score: " + row);
        assertTrue(row.contains("COMPLETED"), "the state: " + row);
        assertTrue(Pattern.compile(">\\d+ (s|min)").matcher(row).find(), "the duration: " + row);
        assertTrue(row(page, "Database baseline").contains("75%"), row(page, "Database baseline"));
        assertTrue(row(page, "Windows check").contains("Windows"), row(page, "Windows check"));
        assertNoRawTimes(page);
    }

    @Test
    void theComparisonSplitsNewFailuresFixedAndStillFailing() {
        String page = get("/app/compare.xhtml?company=" + h.t().companyId() + "&to=" + h.second());
        assertEquals("1", text(page, "newCount"), "aslr newly fails");
        assertEquals("1", text(page, "fixedCount"), "ufw was fixed");
        assertEquals("1", text(page, "unchangedCount"), "ssh-root still fails");
        assertEquals(List.of("aslr"), checks(page, "compare:newFailures"));
        assertEquals(List.of("ufw"), checks(page, "compare:fixed"));
        assertEquals(List.of("ssh-root"), checks(page, "compare:unchanged"));
        assertTrue(page.contains("Baseline week 1") && page.contains("Baseline week 2"), "both audits named");
        assertNoRawTimes(page);

        String backwards = get("/app/compare.xhtml?company=" + h.t().companyId() + "&from=" + h.second() + "&to="
                + h.first());
        assertEquals(List.of("ufw"), checks(backwards, "compare:newFailures"), "the other way round");
        assertEquals(List.of("aslr"), checks(backwards, "compare:fixed"));
    }

    @Test
    void theEndpointPageShowsHostPatchScoresFailuresAndAudits() {
        Api.Reply ordered = Remediating.order(h.t().api(), h.t(), List.copyOf(Remediating.failing(h.t(), h.second())
                .values()));
        assertEquals(201, ordered.status(), ordered.body());
        long remediation = ordered.json().getJsonNumber("id").longValue();
        String page = get("/app/endpoint.xhtml?company=" + h.t().companyId() + "&endpoint=" + h.webId());
        assertEquals("web-01", text(page, "hostname"));
        assertTrue(page.contains("Remediation " + remediation), "the remediation that touched it");
        assertTrue(page.contains("remediation=" + remediation), "linked");
        assertTrue(Pattern.compile("\\d+ days? (left|overdue)").matcher(text(page, "endpoint:patchDays")).matches(),
                text(page, "endpoint:patchDays"));
        String db = get("/app/endpoint.xhtml?company=" + h.t().companyId() + "&endpoint=" + h.dbId());
        assertFalse(db.contains("Remediation " + remediation), "not on the other endpoint's page");
        assertEquals("2", text(page, "failingCount"), "ssh-root and aslr fail in the standing Debian run");
        assertEquals("3", text(page, "endpoint:auditCount"));
        assertFalse(text(page, "patchStatus").isBlank(), "the patch status is shown");
        assertTrue(page.contains("endpoint:deviceLink"), "a link to the device on the patch board");
        assertEquals(List.of("CAaRT Debian baseline", "CAaRT Windows baseline").size(),
                all(page, Pattern.compile("<th scope=\"col\" class=\"caart-trend-policy\">([^<]+)</th>")).size(),
                "one trend line per policy");
        List<String> since = all(page, Pattern.compile("[?;&]audit=(\\d+)[^\"]*\" class=\"caart-failing-since\""));
        assertEquals(List.of(String.valueOf(h.first()), String.valueOf(h.second())), since.stream().sorted().toList(),
                "ssh-root fails since week 1, aslr since week 2");
        assertNoRawTimes(page);

        String endpoints = get("/app/endpoints.xhtml?company=" + h.t().companyId());
        assertTrue(endpoints.contains("endpoint=" + h.webId()), "the endpoints list links to the endpoint page");
        String audit = get("/app/audit.xhtml?company=" + h.t().companyId() + "&audit=" + h.second());
        assertTrue(audit.contains("endpoint=" + h.webId()), "the audit page links to the endpoint page");
        assertTrue(audit.contains("compare.xhtml"), "the audit page links to the comparison");
        assertNoRawTimes(audit);
    }

    @Test
    void theDashboardScoresTheStandingRunsAndPagesTheFailingChecks() {
        String page = get("/app/dashboard.xhtml?company=" + h.t().companyId());
        assertEquals("75%", text(page, "companyScore"), "mean of 50 %, 100 % and 75 %");
        assertEquals("3", text(page, "scoredCount"));
        assertEquals("32", text(page, "failingCount"), "2 on web-01 and 30 on db-01");
        assertEquals(20, all(page, Pattern.compile("class=\"(caart-failing-since)\"")).size(), "the first page of 20");
        assertTrue(page.contains("endpoint=" + h.dbId()), "failing checks link to their endpoint page");
        assertTrue(page.contains("\"type\":\"line\""), "the trend is a line chart");
        List<String> datasets = all(page, Pattern.compile("\\{\"label\":\"([^\"]+)\",\"data\""));
        assertEquals(2, datasets.size(), "one line per policy: " + datasets);
        assertEquals(2, datasets.stream().distinct().count(), datasets.toString());
        assertTrue(page.contains("\"data\":[50.0,50.0,null,75.0]") || page.contains("\"data\":[50,50,null,75]"),
                "the Debian line: week 1, week 2, (the Windows audit), the database: " + page);
        assertNoRawTimes(page);
    }

    @Test
    void anotherCompanyReadsNoneOfIt() {
        Tenant other = Tenant.create("history-other");
        for (String path : List.of("/app/endpoint.xhtml?company=" + other.companyId() + "&endpoint=" + h.webId(),
                "/app/compare.xhtml?company=" + other.companyId() + "&from=" + h.first() + "&to=" + h.second(),
                "/app/audit.xhtml?company=" + other.companyId() + "&audit=" + h.second())) {
            PortalClient.Page page = other.portal().get(path);
            assertEquals(404, page.status(), path);
            assertFalse(page.shows("web-01") || page.shows("Baseline week"), path);
        }
        for (String path : List.of("/app/endpoint.xhtml?company=" + h.t().companyId() + "&endpoint=" + h.webId(),
                "/app/compare.xhtml?company=" + h.t().companyId() + "&to=" + h.second())) {
            assertEquals(404, other.portal().get(path).status(), "not a member of the company: " + path);
        }
        String board = other.portal().get("/app/dashboard.xhtml?company=" + other.companyId()).body();
        assertFalse(board.contains("web-01") || board.contains("db-01"), "nothing of the other company");
        assertEquals("0", text(board, "failingCount"));
    }

    private static String get(String path) {
        PortalClient.Page page = h.t().portal().get(path);
        assertEquals(200, page.status(), path + ": " + page.body());
        return page.body();
    }

    private static void assertNoRawTimes(String page) {
        Matcher m = RAW_TIME.matcher(page);
        assertFalse(m.find(), "no raw timestamp: " + (m.hitEnd() ? "" : page.substring(Math.max(0, m.start() - 80),
                Math.min(page.length(), m.end() + 40))));
    }

    /** The table row that names the audit. */
    private static String row(String page, String title) {
        int at = page.indexOf(">" + title + "<");
        assertTrue(at > 0, title + " listed");
        return page.substring(page.lastIndexOf("<tr", at), page.indexOf("</tr>", at));
    }

    /** The check ids listed in one of the comparison's tables. */
    private static List<String> checks(String page, String table) {
        int start = page.indexOf("id=\"" + table + "\"");
        assertTrue(start > 0, table + " shown");
        int end = page.indexOf("</table>", start);
        return all(page.substring(start, end), Pattern.compile("class=\"caart-change-check\">([^<]+)<"));
    }

    private static String text(String page, String id) {
        Matcher m = Pattern.compile("id=\"" + id + "\"[^>]*>(?:<[^>]+>)*([^<]*)<").matcher(page);
        return m.find() ? m.group(1).trim() : "(no " + id + ")";
    }

    private static List<String> all(String page, Pattern pattern) {
        List<String> found = new ArrayList<>();
        Matcher m = pattern.matcher(page);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }
}
