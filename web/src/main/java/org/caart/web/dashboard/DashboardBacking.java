package org.caart.web.dashboard;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.caart.audit.boundary.Dashboards;
import org.caart.audit.boundary.Dashboards.Dashboard;
import org.caart.audit.entity.Score;
import org.caart.web.company.CompanyChoices;
import org.caart.web.company.CompanyChoices.Choice;
import org.caart.web.company.CurrentCompany;

/**
 * The dashboard of the current company: latest audits with progress, scores per endpoint and for the company,
 * the trend per policy (inline SVG lines, no script), failing checks with the start of their streak. Polls while an audit
 * runs.
 */
@Named
@ViewScoped
public class DashboardBacking implements Serializable {

    private static final long serialVersionUID = 1L;
    static final int WIDTH = 600;
    static final int HEIGHT = 120;

    @Inject
    Dashboards dashboards;

    @Inject
    CompanyChoices choices;

    @Inject
    CurrentCompany current;

    private transient Dashboard dashboard;

    public void load() {
        dashboard = current.isPresent() ? dashboards.of(current.id()) : null;
    }

    public List<Choice> getCompanies() {
        return choices.list();
    }

    public Dashboard getDashboard() {
        if (dashboard == null && current.isPresent()) {
            load();
        }
        return dashboard;
    }

    public boolean isLive() {
        return getDashboard() != null && getDashboard().latest().stream()
                .anyMatch(a -> a.status().equals("PENDING") || a.status().equals("RUNNING"));
    }

    public String score(Double value) {
        return Score.format(value);
    }

    /** A policy's trend as SVG polyline points: x spread evenly, y = 100 % at the top. */
    public String trendPoints(Dashboards.PolicyTrend trend) {
        return points(trend, false);
    }

    /** The same with the exceptions in force now (a dashed second line). */
    public String trendPointsWithExceptions(Dashboards.PolicyTrend trend) {
        return points(trend, true);
    }

    private static String points(Dashboards.PolicyTrend trend, boolean withExceptions) {
        List<Dashboards.TrendPoint> points = trend.points();
        int n = points.size();
        return IntStream.range(0, n).mapToObj(i -> String.format(Locale.ROOT, "%.1f,%.1f",
                        n == 1 ? WIDTH / 2.0 : i * (double) WIDTH / (n - 1),
                        HEIGHT - (withExceptions ? points.get(i).scoreWithExceptions() : points.get(i).score())
                                * HEIGHT / 100.0))
                .collect(Collectors.joining(" "));
    }
}
