package org.caart.web;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.caart.audit.boundary.PolicyTrend;

/**
 * The score trend as a Chart.js line chart (PrimeFaces {@code p:chart}): one line per policy, never mixed; one x
 * position per audit (its start, in the company's zone), a point per audit where the policy has a score, the score
 * in % on a 0-100 axis, values on hover. The configuration is plain JSON (no functions), written into PrimeFaces'
 * nonce-bearing widget script, so it runs under the strict Content-Security-Policy; the same figures are offered as
 * a table ({@link #rows}) for screen readers and without script.
 */
public final class TrendChart implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final String[] COLOURS = {"#2563eb", "#d97706", "#059669", "#db2777", "#7c3aed", "#0891b2",
        "#65a30d", "#dc2626"};

    /** One audit in the table under the chart: its start and each policy's score (empty where none). */
    public record Row(String at, String audit, List<String> scores) implements Serializable {
    }

    private final String json;
    private final List<String> policies;
    private final List<Row> rows;
    private final int points;

    private record Audit(long id, OffsetDateTime at, String title) {
    }

    public TrendChart(List<PolicyTrend> trends, ZoneId zone) {
        Map<Long, Audit> audits = new HashMap<>();
        trends.forEach(t -> t.points().forEach(p -> audits.putIfAbsent(p.auditId(),
                new Audit(p.auditId(), p.at(), p.auditTitle()))));
        List<Audit> axis = audits.values().stream()
                .sorted(Comparator.comparing(Audit::at).thenComparing(Audit::id)).toList();
        Map<Long, Integer> position = new HashMap<>();
        for (int i = 0; i < axis.size(); i++) {
            position.put(axis.get(i).id(), i);
        }
        JsonArrayBuilder labels = Json.createArrayBuilder();
        axis.forEach(a -> labels.add(TimeText.shortAt(a.at(), zone)));
        JsonArrayBuilder datasets = Json.createArrayBuilder();
        List<Map<Integer, Double>> byPolicy = new ArrayList<>();
        int count = 0;
        for (int t = 0; t < trends.size(); t++) {
            Map<Integer, Double> scores = new TreeMap<>();
            trends.get(t).points().forEach(p -> scores.put(position.get(p.auditId()), round(p.score())));
            byPolicy.add(scores);
            count += scores.size();
            JsonArrayBuilder data = Json.createArrayBuilder();
            for (int i = 0; i < axis.size(); i++) {
                if (scores.containsKey(i)) {
                    data.add(scores.get(i));
                } else {
                    data.addNull();
                }
            }
            String colour = COLOURS[t % COLOURS.length];
            datasets.add(Json.createObjectBuilder().add("label", trends.get(t).policyName()).add("data", data)
                    .add("spanGaps", true).add("borderColor", colour).add("backgroundColor", colour)
                    .add("pointRadius", 4).add("pointHoverRadius", 7).add("borderWidth", 2).add("tension", 0)
                    .add("clip", false));
            // the same policy with the exceptions in force now: a dashed line, only where it differs
            if (trends.get(t).points().stream().anyMatch(p -> round(p.scoreWithExceptions()) != round(p.score()))) {
                Map<Integer, Double> excepted = new TreeMap<>();
                trends.get(t).points().forEach(p -> excepted.put(position.get(p.auditId()),
                        round(p.scoreWithExceptions())));
                JsonArrayBuilder dashed = Json.createArrayBuilder();
                for (int i = 0; i < axis.size(); i++) {
                    if (excepted.containsKey(i)) {
                        dashed.add(excepted.get(i));
                    } else {
                        dashed.addNull();
                    }
                }
                datasets.add(Json.createObjectBuilder().add("label", trends.get(t).policyName()
                                + " (with exceptions)").add("data", dashed).add("spanGaps", true)
                        .add("borderColor", colour).add("backgroundColor", colour)
                        .add("borderDash", Json.createArrayBuilder().add(6).add(4)).add("pointRadius", 3)
                        .add("pointHoverRadius", 6).add("borderWidth", 2).add("tension", 0).add("clip", false));
            }
        }
        this.points = count;
        this.policies = trends.stream().map(PolicyTrend::policyName).toList();
        List<Row> table = new ArrayList<>();
        for (int i = 0; i < axis.size(); i++) {
            List<String> scores = new ArrayList<>();
            for (Map<Integer, Double> policy : byPolicy) {
                scores.add(policy.containsKey(i) ? String.format(Locale.ROOT, "%.0f %%", policy.get(i)) : "");
            }
            table.add(new Row(TimeText.at(axis.get(i).at(), zone), axis.get(i).title(), scores));
        }
        this.rows = table;
        JsonObjectBuilder options = Json.createObjectBuilder()
                .add("animation", false).add("responsive", true).add("maintainAspectRatio", false)
                .add("layout", Json.createObjectBuilder().add("padding", Json.createObjectBuilder().add("top", 12)
                        .add("right", 12)))
                .add("interaction", Json.createObjectBuilder().add("mode", "nearest").add("intersect", false))
                .add("scales", Json.createObjectBuilder()
                        .add("y", Json.createObjectBuilder().add("min", 0).add("max", 100)
                                .add("title", title("Score (%)")))
                        .add("x", Json.createObjectBuilder().add("title", title("Audit started"))))
                .add("plugins", Json.createObjectBuilder()
                        .add("legend", Json.createObjectBuilder().add("position", "bottom")));
        this.json = script(Json.createObjectBuilder().add("type", "line")
                .add("data", Json.createObjectBuilder().add("labels", labels).add("datasets", datasets))
                .add("options", options).build().toString());
    }

    private static JsonObjectBuilder title(String text) {
        return Json.createObjectBuilder().add("display", true).add("text", text);
    }

    private static double round(double score) {
        return Math.round(score * 10) / 10.0;
    }

    /** JSON placed inside a script element: no character may end it or start markup. */
    static String script(String json) {
        return json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
                .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
    }

    /** The Chart.js configuration for {@code p:chart value}. */
    public String getJson() {
        return json;
    }

    public List<String> getPolicies() {
        return policies;
    }

    public List<Row> getRows() {
        return rows;
    }

    /** How many points the lines have in all. */
    public int getPoints() {
        return points;
    }

    /** Whether there is anything to draw (a completed audit with a score). */
    public boolean isShown() {
        return points > 0;
    }

    /** What the chart shows, for its accessible name. */
    public String getDescription() {
        return "Compliance score per audit, one line per policy (" + String.join(", ", policies)
                + "), 0 to 100 %; the same figures are in the table below the chart";
    }
}
