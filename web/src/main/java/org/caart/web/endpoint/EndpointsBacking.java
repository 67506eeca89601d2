package org.caart.web.endpoint;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.caart.endpoint.boundary.Endpoints;
import org.caart.endpoint.boundary.EnrollmentOffer;
import org.caart.endpoint.boundary.Enrollments;
import org.caart.endpoint.entity.Endpoint;
import org.caart.web.CompanyTime;
import org.caart.web.FormMessages;
import org.caart.web.company.CurrentCompany;
import org.caart.web.security.CurrentUser;

/** Endpoints of the company: the list, "Add endpoint" (download + one-time enroll command), tags, revoke. */
@Named
@ViewScoped
public class EndpointsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Endpoints endpoints;

    @Inject
    CompanyTime time;

    @Inject
    Enrollments enrollments;

    @Inject
    AgentDownload download;

    @Inject
    CurrentCompany current;

    @Inject
    CurrentUser user;

    @Inject
    FacesContext faces;


    private long companyId;
    private List<EndpointRow> rows = List.of();
    private String enrollCommand;
    private String tokenExpiresAt;

    public void load() {
        companyId = current.id();
        OffsetDateTime staleBefore = OffsetDateTime.now().minus(Duration.ofHours(download.staleHours()));
        rows = endpoints.list(companyId).stream().map(e -> EndpointRow.of(e, staleBefore, time)).toList();
    }

    public void offer() {
        EnrollmentOffer offer = enrollments.offer(companyId, user.sourceAddress());
        enrollCommand = "java -jar caart-agent.jar enroll --server " + base() + " --token " + offer.token();
        tokenExpiresAt = time.of(offer.expiresAt());
    }

    public void revoke(EndpointRow row) {
        endpoints.revoke(companyId, row.getId(), user.sourceAddress());
        FormMessages.info(faces, row.getHostname() + " revoked: its agent is refused from now on");
        load();
    }

    public void saveTags(EndpointRow row) {
        endpoints.tag(companyId, row.getId(), row.getTags(), user.sourceAddress());
        FormMessages.info(faces, "Tags of " + row.getHostname() + " saved");
        load();
    }

    public String getDownloadUrl() {
        ExternalContext external = faces.getExternalContext();
        return external.getRequestContextPath() + "/api/agent/v1/download/caart-agent.jar";
    }

    public String getDownloadCommand() {
        return "curl -fo caart-agent.jar " + base() + "/api/agent/v1/download/caart-agent.jar && sha256sum caart-agent.jar";
    }

    public String getSha256() {
        return download.sha256().orElse(null);
    }

    private String base() {
        return download.publicBase();
    }

    public long getCompanyId() {
        return companyId;
    }

    public List<EndpointRow> getRows() {
        return rows;
    }

    public String getEnrollCommand() {
        return enrollCommand;
    }

    public String getTokenExpiresAt() {
        return tokenExpiresAt;
    }

    /** One endpoint as the table shows it; tags are edited in place. */
    public static class EndpointRow implements Serializable {

        private static final long serialVersionUID = 1L;

        private long id;
        private String hostname;
        private String os;
        private String agentVersion;
        private String lastSeen;
        private String status;
        private String lastPatchDate;
        private String tags;

        static EndpointRow of(Endpoint e, OffsetDateTime staleBefore, CompanyTime time) {
            EndpointRow row = new EndpointRow();
            row.id = e.getId();
            row.hostname = e.getHostname();
            row.os = e.getOs() == null ? e.getOsFamily().name() : e.getOs();
            row.agentVersion = e.getAgentVersion();
            row.lastSeen = time.of(e.getLastSeenAt());
            row.status = !e.isActive() ? "REVOKED" : e.getLastSeenAt().isBefore(staleBefore) ? "STALE" : "ACTIVE";
            row.lastPatchDate = e.getLastPatchDate() == null ? "unknown" : e.getLastPatchDate() + " (" + e.getPatchSource()
                    + ")";
            row.tags = String.join(", ", e.tags());
            return row;
        }

        public long getId() {
            return id;
        }

        public String getHostname() {
            return hostname;
        }

        public String getOs() {
            return os;
        }

        public String getAgentVersion() {
            return agentVersion;
        }

        public String getLastSeen() {
            return lastSeen;
        }

        public String getStatus() {
            return status;
        }

        public boolean isActive() {
            return !"REVOKED".equals(status);
        }

        public String getLastPatchDate() {
            return lastPatchDate;
        }

        public String getTags() {
            return tags;
        }

        public void setTags(String tags) {
            this.tags = tags;
        }
    }
}
