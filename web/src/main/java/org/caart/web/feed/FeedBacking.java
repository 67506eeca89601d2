package org.caart.web.feed;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.caart.feed.boundary.DestinationRequest;
import org.caart.feed.boundary.DestinationState;
import org.caart.feed.boundary.FeedDestinations;
import org.caart.feed.boundary.FeedOverview;
import org.caart.feed.boundary.FeedSettingsRequest;
import org.caart.platform.InvalidInputException;
import org.caart.web.CompanyTime;
import org.caart.web.FormMessages;
import org.caart.web.company.CurrentCompany;
import org.caart.web.security.CurrentUser;

/** The company's SIEM feed: on/off, daily snapshot, the syslog destinations with their delivery state. */
@Named
@ViewScoped
public class FeedBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    FeedDestinations feed;

    @Inject
    CurrentCompany current;

    @Inject
    CurrentUser user;

    @Inject
    CompanyTime time;

    @Inject
    FacesContext faces;

    private long companyId;
    private boolean enabled;
    private boolean snapshotDaily;
    private long latestSeq;
    private List<Row> destinations = List.of();
    private String name;
    private String host;
    private Integer port = 6514;
    private boolean tls = true;
    private String caCertificate;
    private String payload = "JSON";

    public void load() {
        companyId = current.id();
        show(feed.overview(companyId));
    }

    public void save() {
        try {
            show(feed.change(companyId, new FeedSettingsRequest(enabled, snapshotDaily), user.sourceAddress()));
            FormMessages.info(faces, enabled ? "The feed is on: events are kept and sent from now on"
                    : "The feed is off: no new events are kept");
        } catch (InvalidInputException e) {
            FormMessages.show(faces, "settings", e);
        }
    }

    public void add() {
        try {
            DestinationState added = feed.create(companyId, new DestinationRequest(name, host, port, tls,
                    caCertificate, payload, true), user.sourceAddress());
            FormMessages.info(faces, "Destination " + added.name() + " added: it gets the events from number "
                    + (added.deliveredSeq() + 1) + " on");
            name = null;
            host = null;
            caCertificate = null;
            show(feed.overview(companyId));
        } catch (InvalidInputException e) {
            FormMessages.show(faces, "destination", e);
        }
    }

    public void toggle(Row row) {
        DestinationState d = feed.get(companyId, row.id());
        feed.update(companyId, d.id(), new DestinationRequest(d.name(), d.host(), d.port(), d.tls(), null, d.payload(),
                !d.enabled()), user.sourceAddress());
        FormMessages.info(faces, "Destination " + d.name() + (d.enabled() ? " switched off" : " switched on"));
        show(feed.overview(companyId));
    }

    public void delete(Row row) {
        feed.delete(companyId, row.id(), user.sourceAddress());
        FormMessages.info(faces, "Destination " + row.name() + " deleted");
        show(feed.overview(companyId));
    }

    private void show(FeedOverview overview) {
        enabled = overview.enabled();
        snapshotDaily = overview.snapshotDaily();
        latestSeq = overview.latestSeq();
        destinations = overview.destinations().stream().map(d -> Row.of(d, time)).toList();
    }

    /** A destination as the table shows it. */
    public record Row(long id, String name, String address, String payload, String state, String delivered,
            long waiting, String error, String nextAttempt, boolean enabled) implements Serializable {

        static Row of(DestinationState d, CompanyTime time) {
            String state = switch (d.state()) {
                case "OFF" -> "Off";
                case "RETRYING" -> "Retrying (" + d.failures() + " failure" + (d.failures() == 1 ? "" : "s") + ")";
                case "BEHIND" -> "Sending";
                default -> "Up to date";
            };
            return new Row(d.id(), d.name(), d.host() + ":" + d.port() + (d.tls() ? " (TLS" + (d.customCa()
                    ? ", own CA)" : ")") : " (plain TCP)"), d.payload(), state,
                    d.deliveredSeq() == 0 ? "nothing yet" : "up to number " + d.deliveredSeq()
                            + (d.deliveredAt() == null ? "" : ", " + time.of(d.deliveredAt())),
                    d.waiting(), d.lastError() == null ? "" : d.lastError()
                            + (d.lastErrorAt() == null ? "" : " (" + time.of(d.lastErrorAt()) + ")"),
                    d.nextAttempt() == null || !d.enabled() ? "" : time.of(d.nextAttempt()), d.enabled());
        }
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public boolean isSnapshotDaily() {
        return snapshotDaily;
    }

    public void setSnapshotDaily(boolean snapshotDaily) {
        this.snapshotDaily = snapshotDaily;
    }

    public long getLatestSeq() {
        return latestSeq;
    }

    public List<Row> getDestinations() {
        return destinations;
    }

    public boolean isOwner() {
        return current.can("MANAGE_FEED");
    }

    public String getPullUrl() {
        return "/api/companies/" + companyId + "/feed/events?after=0";
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getHost() {
        return host;
    }

    public void setHost(String host) {
        this.host = host;
    }

    public Integer getPort() {
        return port;
    }

    public void setPort(Integer port) {
        this.port = port;
    }

    public boolean isTls() {
        return tls;
    }

    public void setTls(boolean tls) {
        this.tls = tls;
    }

    public String getCaCertificate() {
        return caCertificate;
    }

    public void setCaCertificate(String caCertificate) {
        this.caCertificate = caCertificate;
    }

    public String getPayload() {
        return payload;
    }

    public void setPayload(String payload) {
        this.payload = payload;
    }
}
