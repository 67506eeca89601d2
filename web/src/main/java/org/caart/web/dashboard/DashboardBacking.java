package org.caart.web.dashboard;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.caart.audit.boundary.Dashboards;
import org.caart.audit.boundary.Dashboards.Dashboard;
import org.caart.audit.boundary.Dashboards.FailingCheck;
import org.caart.audit.entity.Score;
import org.caart.web.PagedModel;
import org.caart.web.TimeText;
import org.caart.web.TrendChart;
import org.caart.company.boundary.Companies;
import org.caart.web.company.CompanyChoices.Choice;
import org.caart.web.company.CompanyChoices;
import org.caart.web.company.CurrentCompany;
import org.caart.web.security.CurrentUser;

/**
 * The dashboard of the current company: latest audits with progress, scores per endpoint and for the company,
 * the trend per policy (a Chart.js line chart and its table), failing checks with the start of their streak, paged.
 * Polls while an audit runs; each poll is one boundary call (the company and the caller's rights are read when the
 * page opens).
 */
@Named
@ViewScoped
public class DashboardBacking implements Serializable {

    private static final long serialVersionUID = 1L;
    static final int FAILING_ROWS = 20;

    @Inject
    Dashboards dashboards;

    @Inject
    CompanyChoices choices;

    @Inject
    CurrentCompany current;

    @Inject
    Companies companies;

    @Inject
    CurrentUser user;

    private Integer platformCompanies;
    private Long companyId;
    private String companyName;
    private boolean mayRunAudits;
    private transient Dashboard dashboard;
    private transient TrendChart trend;
    private ZoneId zone = ZoneId.of("UTC");
    private final PagedModel<FailingCheck> failing = new PagedModel<>(FAILING_ROWS,
            (first, max, sort) -> {
                Dashboards.FailingPage page = dashboards.failing(companyId, first, max);
                return new PagedModel.Slice<>(page.rows(), page.count());
            }, f -> f.endpointId() + "|" + f.policyName() + "|" + f.checkId());

    public void load() {
        if (current.isPresent()) {
            companyId = current.id();
            companyName = current.getName();
            mayRunAudits = current.can("RUN_AUDITS");
            refresh();
        }
    }

    /** The poll: one boundary call, which also brings the failing checks' page on screen. */
    public void refresh() {
        if (companyId == null) {
            return;
        }
        dashboard = dashboards.of(companyId, failing.first(), failing.max());
        zone = dashboard.zone();
        trend = new TrendChart(dashboard.trends(), zone);
        failing.preload(dashboard.failing().rows(), dashboard.failing().count());
    }

    public List<Choice> getCompanies() {
        return choices.list();
    }

    public boolean isPresent() {
        return companyId != null;
    }

    public Long getCompanyId() {
        return companyId;
    }

    public String getCompanyName() {
        return companyName;
    }

    public boolean isMayRunAudits() {
        return mayRunAudits;
    }

    public Dashboard getDashboard() {
        if (dashboard == null && companyId != null) {
            refresh();
        }
        return dashboard;
    }

    /** For the platform operator: how many companies exist, to offer the next step on a new installation. */
    public int getPlatformCompanies() {
        if (platformCompanies == null) {
            platformCompanies = user.isOperator() ? companies.overview().size() : 0;
        }
        return platformCompanies;
    }

    public TrendChart getTrend() {
        if (trend == null && companyId != null) {
            refresh();
        }
        return trend;
    }

    public PagedModel<FailingCheck> getFailing() {
        return failing;
    }

    public boolean isLive() {
        return getDashboard() != null && getDashboard().latest().stream()
                .anyMatch(a -> a.status().equals("PENDING") || a.status().equals("RUNNING"));
    }

    public String score(Double value) {
        return Score.format(value);
    }

    public String at(OffsetDateTime time) {
        return TimeText.at(time, zone);
    }
}
