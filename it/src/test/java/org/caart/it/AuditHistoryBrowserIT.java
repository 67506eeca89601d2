package org.caart.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The history pages in Chromium under the server's Content-Security-Policy: the trend chart drawn with its points and
 * a value on hover, the failing checks and the results paged lazily, the audit history, the comparison and the
 * endpoint page reached by their links. Screenshots in it/target/screenshots (history-*.png).
 */
@ExtendWith(SharedServer.class)
class AuditHistoryBrowserIT {

    private static final Pattern RAW_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}");

    private Browser browser;

    @BeforeEach
    void openBrowser() {
        browser = new Browser(SharedServer.server());
    }

    @AfterEach
    void closeBrowser() {
        assertEquals(List.of(), browser.cspViolations(), "no CSP violation in the console");
        browser.close();
    }

    @Test
    void aSecurityLeadLooksBackOverTheAudits() {
        AuditHistoryFixture h = AuditHistoryFixture.create("history-browser");
        Tenant t = h.t();
        browser.login(t.ownerEmail(), t.password());
        browser.open("/app/dashboard.xhtml?company=" + t.companyId());

        // the chart: two lines (never one mixing policies), 3 + 1 points, drawn on a canvas
        Map<?, ?> chart = chart("board:trendChart");
        assertEquals(List.of("CAaRT Debian baseline", "CAaRT Windows baseline").size(), ((List<?>) chart.get("lines")).size(),
                chart.toString());
        assertEquals(List.of(3L, 1L), chart.get("points"), chart.toString());
        assertTrue(((Number) chart.get("width")).intValue() > 300, "the chart has room: " + chart);
        hover("board:trendChart");
        browser.screenshot("history-dashboard-chart", "board:trendChart");
        assertNoRawTimes();

        // failing checks, a page at a time
        WebElement failing = browser.find("board:failing");
        assertEquals(20, failing.findElements(By.cssSelector("tbody tr")).size());
        failing.findElement(By.cssSelector(".ui-paginator-next")).click();
        browser.settle();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(d -> d.findElements(
                By.cssSelector("[id='board:failing'] tbody tr")).size() == 12);
        browser.screenshot("history-dashboard-failing", "board:failing");

        // the history, then the comparison from its link
        browser.open("/app/audits.xhtml?company=" + t.companyId());
        WebElement history = browser.find("historyForm:history");
        assertTrue(history.getText().contains("50%") && history.getText().contains("COMPLETED"), history.getText());
        browser.screenshot("history-audits", "historyForm:history");
        WebElement week2 = history.findElements(By.cssSelector("tbody tr")).stream()
                .filter(r -> r.getText().contains("Baseline week 2")).findFirst().orElseThrow();
        week2.findElement(By.linkText("Compare")).click();
        browser.settle();
        assertTrue(browser.path().startsWith("/app/compare.xhtml"), browser.path());
        assertEquals("1", browser.textOf("newCount"));
        assertEquals("1", browser.textOf("fixedCount"));
        assertEquals("1", browser.textOf("unchangedCount"));
        assertTrue(browser.find("compare:newFailures").getText().contains("aslr"));
        assertTrue(browser.find("compare:fixed").getText().contains("ufw"));
        assertTrue(browser.find("compare:unchanged").getText().contains("ssh-root"));
        browser.screenshot("history-compare");
        assertNoRawTimes();

        // the endpoint page from the comparison
        browser.find("compare:newFailures").findElement(By.linkText("web-01")).click();
        browser.settle();
        assertTrue(browser.path().startsWith("/app/endpoint.xhtml"), browser.path());
        assertEquals("web-01", browser.textOf("hostname"));
        assertEquals("2", browser.textOf("failingCount"));
        Map<?, ?> own = chart("endpoint:trendChart");
        assertEquals(List.of(2L, 1L), own.get("points"), "web-01's own runs: " + own);
        browser.screenshot("history-endpoint");
        hover("endpoint:trendChart");
        browser.screenshot("history-endpoint-chart", "endpoint:trendChart");
        browser.screenshot("history-endpoint-audits", "endpoint:audits");
        assertNoRawTimes();

        // the endpoints list links to it too; the audit page pages its results
        browser.open("/app/endpoints.xhtml?company=" + t.companyId());
        browser.find("endpoints:table").findElement(By.linkText("db-01")).click();
        browser.settle();
        assertEquals("db-01", browser.textOf("hostname"));
        assertEquals("30", browser.textOf("failingCount"));
        browser.open("/app/audit.xhtml?company=" + t.companyId() + "&audit=" + h.bulk());
        assertEquals("120 result(s)", browser.textOf("live:results:resultCount"));
        assertEquals(50, browser.find("live:results").findElements(By.cssSelector("tbody tr[data-ri]")).size());
        browser.find("live:results").findElement(By.cssSelector(".ui-paginator-last")).click();
        browser.settle();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(d -> d.findElements(
                By.cssSelector("[id='live:results'] tbody tr[data-ri]")).size() == 20);
        browser.screenshot("history-audit-results", "live:results");
        assertNoRawTimes();
    }

    /** What Chart.js drew: the lines' names, the points per line and the canvas width. */
    private Map<?, ?> chart(String id) {
        browser.find(id);
        return (Map<?, ?>) new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(d -> ((JavascriptExecutor) d)
                .executeScript("var w = PrimeFaces.getWidgetById(arguments[0]);"
                        + "if (!w || !w.chart) return null;"
                        + "return {lines: w.chart.data.datasets.map(function (s) { return s.label; }),"
                        + " points: w.chart.data.datasets.map(function (s, i) {"
                        + "   return w.chart.getDatasetMeta(i).data.filter(function (p) { return !p.skip; }).length; }),"
                        + " width: w.chart.width};", id));
    }

    /** Moves the mouse onto the first line's last point: Chart.js shows its value. */
    private void hover(String id) {
        JavascriptExecutor js = (JavascriptExecutor) browser.driver();
        WebElement canvas = browser.find(id).findElement(By.tagName("canvas"));
        js.executeScript("arguments[0].scrollIntoView({block: 'center'});", canvas);
        List<?> at = (List<?>) js.executeScript("var c = PrimeFaces.getWidgetById(arguments[0]).chart;"
                + "var pts = c.getDatasetMeta(0).data.filter(function (p) { return !p.skip; });"
                + "var p = pts[pts.length - 1]; return [p.x, p.y, c.width, c.height];", id);
        double x = ((Number) at.get(0)).doubleValue() - ((Number) at.get(2)).doubleValue() / 2;
        double y = ((Number) at.get(1)).doubleValue() - ((Number) at.get(3)).doubleValue() / 2;
        new Actions(browser.driver()).moveToElement(canvas, (int) Math.round(x), (int) Math.round(y)).perform();
        Object shown = new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(d -> ((JavascriptExecutor) d)
                .executeScript("var t = PrimeFaces.getWidgetById(arguments[0]).chart.tooltip;"
                        + "return t && t.opacity > 0 && t.body && t.body.length ? t.body[0].lines.join(' ') : null;", id));
        assertTrue(shown.toString().matches(".*: \\d+(\\.\\d)?"), "the hovered point's value: " + shown);
    }

    private void assertNoRawTimes() {
        String text = browser.text();
        assertFalse(RAW_TIME.matcher(text).find(), "no raw timestamp on " + browser.path() + ": " + text);
    }
}
