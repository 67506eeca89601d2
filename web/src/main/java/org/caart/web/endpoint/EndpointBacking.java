package org.caart.web.endpoint;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.caart.audit.boundary.Dashboards.EndpointScore;
import org.caart.audit.boundary.Dashboards.FailingCheck;
import org.caart.audit.boundary.EndpointHistory;
import org.caart.audit.entity.Score;
import org.caart.endpoint.entity.Endpoint;
import org.caart.patch.boundary.Devices;
import org.caart.patch.entity.Device;
import org.caart.platform.NotFoundException;
import org.caart.remediation.boundary.RemediationSummary;
import org.caart.remediation.boundary.Remediations;
import org.caart.web.TimeText;
import org.caart.web.TrendChart;
import org.caart.web.company.CurrentCompany;
import org.caart.web.patch.PatchOptions;

/**
 * One endpoint: the host as its agent reports it, when it was last seen, its patch status, its score per policy over
 * time, the checks failing in its latest completed runs, its audits and the remediations that touched it.
 */
@Named
@ViewScoped
public class EndpointBacking implements Serializable {

    private static final long serialVersionUID = 1L;
    static final int REMEDIATIONS = 20;

    @Inject
    EndpointHistory history;

    @Inject
    Devices devices;

    @Inject
    Remediations remediations;

    @Inject
    AgentDownload download;

    @Inject
    CurrentCompany current;

    private Long endpointId;
    private long companyId;
    private ZoneId zone;
    private Host host;
    private Patch patch;
    private List<EndpointScore> scores = List.of();
    private List<FailingCheck> failing = List.of();
    private List<EndpointHistory.AuditLine> audits = List.of();
    private long auditCount;
    private List<RemediationSummary> touching = List.of();
    private TrendChart trend;

    /** The host's facts as shown. */
    public record Host(long id, String hostname, String os, String osFamily, String osVersion, String osBuild,
            String agentVersion, String state, String tags, String enrolled, String lastSeen, String lastSeenAgo,
            long droppedBatches, int spooledBatches) implements Serializable {
    }

    /** The endpoint's device on the patch board. */
    public record Patch(long deviceId, String status, String statusLabel, String lastPatchDate, String source,
            String expiry, String daysLeft) implements Serializable {
    }

    public void load() {
        if (endpointId == null) {
            throw new NotFoundException("Endpoint");
        }
        companyId = current.id();
        EndpointHistory.View view = history.of(companyId, endpointId);
        zone = view.zone();
        host = host(view.endpoint());
        scores = view.scores();
        failing = view.failing();
        audits = view.audits();
        auditCount = view.auditCount();
        trend = new TrendChart(view.trends(), zone);
        Optional<Device> device = devices.ofEndpoint(companyId, endpointId);
        patch = device.map(EndpointBacking::patch).orElse(null);
        touching = remediations.forEndpoint(companyId, endpointId, REMEDIATIONS);
    }

    private Host host(Endpoint e) {
        OffsetDateTime now = OffsetDateTime.now();
        boolean stale = e.getLastSeenAt().isBefore(now.minus(Duration.ofHours(download.staleHours())));
        String state = !e.isActive() ? "REVOKED" : stale ? "STALE" : "ACTIVE";
        return new Host(e.getId(), e.getHostname(), e.getOs() == null ? "" : e.getOs(), e.getOsFamily().name(),
                e.getOsVersion() == null ? "" : e.getOsVersion(), e.getOsBuild() == null ? "" : e.getOsBuild(),
                e.getAgentVersion() == null ? "" : e.getAgentVersion(), state, String.join(", ", e.tags()),
                TimeText.at(e.getEnrolledAt(), zone), TimeText.at(e.getLastSeenAt(), zone),
                ago(Duration.between(e.getLastSeenAt(), now)), e.getDroppedBatches(), e.getSpooledBatches());
    }

    private static String ago(Duration d) {
        return d.isNegative() || d.toSeconds() < 60 ? "just now" : TimeText.duration(d) + " ago";
    }

    private static Patch patch(Device d) {
        return new Patch(d.getId(), d.getStatus().name(), PatchOptions.label(d.getStatus()),
                d.getLastPatchDate() == null ? "unknown" : TimeText.day(d.getLastPatchDate()),
                d.getPatchSource() == null ? "" : "(" + d.getPatchSource().name()
                        + (d.getPatchDetail() == null ? "" : ", " + d.getPatchDetail()) + ")",
                d.getExpiry() == null ? "–" : TimeText.day(d.getExpiry()), days(d.getDaysLeft()));
    }

    /** "12 days left", "3 days overdue", or a dash while the patch date is unknown. */
    private static String days(Integer left) {
        if (left == null) {
            return "–";
        }
        int days = Math.abs(left);
        return days + (days == 1 ? " day" : " days") + (left < 0 ? " overdue" : " left");
    }

    public String at(OffsetDateTime time) {
        return TimeText.at(time, zone);
    }

    public String score(Double value) {
        return Score.format(value);
    }

    public Long getEndpointId() {
        return endpointId;
    }

    public void setEndpointId(Long endpointId) {
        this.endpointId = endpointId;
    }

    public long getCompanyId() {
        return companyId;
    }

    public Host getHost() {
        return host;
    }

    public Patch getPatch() {
        return patch;
    }

    public List<EndpointScore> getScores() {
        return scores;
    }

    public List<FailingCheck> getFailing() {
        return failing;
    }

    public List<EndpointHistory.AuditLine> getAudits() {
        return audits;
    }

    public long getAuditCount() {
        return auditCount;
    }

    public List<RemediationSummary> getRemediations() {
        return touching;
    }

    public TrendChart getTrend() {
        return trend;
    }
}
