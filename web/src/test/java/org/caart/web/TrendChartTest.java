package org.caart.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.caart.audit.boundary.PolicyTrend;
import org.caart.audit.boundary.PolicyTrend.Point;
import org.junit.jupiter.api.Test;

class TrendChartTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final OffsetDateTime MONDAY = OffsetDateTime.parse("2026-11-30T23:30:00Z");

    @Test
    void eachPolicyIsItsOwnLineWithAPointPerAuditItWasPartOf() {
        TrendChart chart = new TrendChart(List.of(
                new PolicyTrend("deb", "Debian", List.of(new Point(1, "Week 1", MONDAY, 50),
                        new Point(3, "Week 2", MONDAY.plusDays(7), 75.04))),
                new PolicyTrend("win", "Windows", List.of(new Point(2, "Windows", MONDAY.plusDays(1), 100)))), BERLIN);
        JsonObject config = read(chart.getJson());
        assertEquals("line", config.getString("type"));
        JsonArray labels = config.getJsonObject("data").getJsonArray("labels");
        assertEquals(List.of("1 Dec 00:30", "2 Dec 00:30", "8 Dec 00:30"), labels.getValuesAs(
                jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString).toList(),
                "one position per audit, oldest first, in the company's zone");
        JsonArray lines = config.getJsonObject("data").getJsonArray("datasets");
        assertEquals(2, lines.size());
        assertEquals("Debian", lines.getJsonObject(0).getString("label"));
        assertEquals("[50.0,null,75.0]", lines.getJsonObject(0).getJsonArray("data").toString(),
                "no Debian point at the Windows audit: the line spans it, never taking another policy's score");
        assertEquals("[null,100.0,null]", lines.getJsonObject(1).getJsonArray("data").toString());
        assertEquals(3, chart.getPoints());
        assertEquals(100, config.getJsonObject("options").getJsonObject("scales").getJsonObject("y").getInt("max"));
        assertEquals(List.of("50 %", ""), chart.getRows().get(0).scores());
        assertEquals("1 Dec 2026, 00:30 CET", chart.getRows().get(0).at());
    }

    @Test
    void nothingInTheConfigurationCanEndTheScriptItIsWrittenInto() {
        TrendChart chart = new TrendChart(List.of(new PolicyTrend("x", "</script><script>alert(1)</script> & co",
                List.of(new Point(1, "a", MONDAY, 10)))), BERLIN);
        assertFalse(chart.getJson().contains("<") || chart.getJson().contains(">") || chart.getJson().contains("&"),
                chart.getJson());
        assertEquals("</script><script>alert(1)</script> & co", read(chart.getJson()).getJsonObject("data")
                .getJsonArray("datasets").getJsonObject(0).getString("label"), "the name reads the same");
    }

    @Test
    void noTrendIsEmpty() {
        TrendChart chart = new TrendChart(List.of(), BERLIN);
        assertFalse(chart.isShown());
        assertEquals(0, chart.getRows().size());
    }

    private static JsonObject read(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }
}
