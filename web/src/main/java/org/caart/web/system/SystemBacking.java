package org.caart.web.system;

import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.caart.feed.boundary.DestinationState;
import org.caart.feed.boundary.FeedDestinations;
import org.caart.ingest.boundary.DeadLetter;
import org.caart.ingest.boundary.Pipeline;
import org.caart.ingest.entity.PipelineProbe;
import org.caart.mail.boundary.Outbox;
import org.caart.mail.entity.OutboxMail;
import org.caart.platform.CaartException;
import org.caart.platform.jobs.JobLedger;
import org.caart.platform.jobs.JobRun;
import org.caart.trail.boundary.Trail;
import org.caart.trail.entity.TrailEvent;
import org.caart.web.MailNotice;
import org.caart.web.security.CurrentUser;

/** The platform operator's page: the whole outbox, the dead-letter queue, daily job runs, the trail, and checks. */
@Named
@ViewScoped
public class SystemBacking implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final int ROWS = 200;

    @Inject
    Outbox outbox;

    @Inject
    Pipeline pipeline;

    @Inject
    JobLedger jobs;

    @Inject
    Trail trail;

    @Inject
    CurrentUser user;

    @Inject
    FeedDestinations feeds;

    private List<OutboxMail> mails;
    private List<JobRun> runs;
    private List<TrailEvent> events;
    private List<DeadLetter> deadLetters;
    private List<DestinationState> destinations;
    private String testRecipient;
    private String probeId;

    @PostConstruct
    public void load() {
        mails = outbox.latest(ROWS);
        runs = jobs.latest(ROWS);
        events = trail.latest(ROWS);
        deadLetters = pipeline.deadLetters(ROWS);
        destinations = feeds.all();
    }

    /** Every company's SIEM feed destinations with their delivery state, the failing first. */
    public List<DestinationState> getDestinations() {
        return destinations;
    }

    public void sendTestMail() {
        try {
            outbox.sendTestMail(testRecipient, user.sourceAddress());
            info("Test mail queued for " + testRecipient + " (" + outbox.transportDescription() + ")");
            MailNotice.warnIfUndeliverable(FacesContext.getCurrentInstance(), outbox);
            load();
        } catch (CaartException e) {
            FacesContext.getCurrentInstance().addMessage("mail:recipient",
                    new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(), null));
        }
    }

    public void sendProbe() {
        probeId = pipeline.sendProbe().getId();
        info("Probe " + probeId + " sent through the ingest queue");
    }

    public String getProbeStatus() {
        if (probeId == null) {
            return "No probe sent from this page yet";
        }
        return pipeline.findProbe(probeId)
                .map(PipelineProbe::getReceivedAt)
                .map(at -> "Probe " + probeId + " stored by the consumer at " + at)
                .orElse("Probe " + probeId + " not stored yet");
    }

    private static void info(String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, null));
    }

    public String getTransport() {
        return outbox.transportDescription();
    }

    public List<OutboxMail> getMails() {
        return mails;
    }

    public List<JobRun> getRuns() {
        return runs;
    }

    public List<DeadLetter> getDeadLetters() {
        return deadLetters;
    }

    public List<TrailEvent> getEvents() {
        return events;
    }

    public String getTestRecipient() {
        return testRecipient;
    }

    public void setTestRecipient(String testRecipient) {
        this.testRecipient = testRecipient;
    }
}
