package org.caart.web.audit;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.caart.audit.boundary.AuditHistory;
import org.caart.audit.boundary.AuditHistory.Change;
import org.caart.audit.boundary.AuditHistory.Comparison;
import org.caart.web.TimeText;
import org.caart.web.company.CompanyOptions.Option;
import org.caart.web.company.CurrentCompany;

/**
 * Two audits compared: checks that newly fail, that were fixed, that still fail, per endpoint and check. Opened from
 * an audit ({@code to}) it compares with the audit before it with the same policy; any two can be picked.
 */
@Named
@ViewScoped
public class CompareBacking implements Serializable {

    private static final long serialVersionUID = 1L;
    static final int CHOICES = 200;

    @Inject
    AuditHistory history;

    @Inject
    CurrentCompany current;

    @Inject
    FacesContext faces;

    private long companyId;
    private Long from;
    private Long to;
    private List<Option> audits = List.of();
    private transient Comparison comparison;
    private boolean nothingToCompare;

    public void load() {
        companyId = current.id();
        AuditHistory.Page recent = history.page(companyId, 0, CHOICES);
        audits = recent.lines().stream().map(a -> new Option(String.valueOf(a.id()),
                a.title() + " · " + TimeText.at(a.createdAt(), recent.zone()))).toList();
        if (to == null && !recent.lines().isEmpty()) {
            to = recent.lines().get(0).id();
        }
        if (to != null && from == null) {
            from = history.previous(companyId, to);
        }
        if (to == null || from == null) {
            nothingToCompare = true; // shown as a note on the page (not a message: its list would hold no item)
            return;
        }
        comparison = history.compare(companyId, from, to);
    }

    public boolean isNothingToCompare() {
        return nothingToCompare;
    }

    /** Shows the two audits picked (a new address, so the comparison can be shared). */
    public String show() {
        return "/app/compare?faces-redirect=true&includeViewParams=true";
    }

    public boolean isReady() {
        return comparison != null;
    }

    public Comparison getComparison() {
        return comparison;
    }

    public String at(java.time.OffsetDateTime time) {
        return comparison == null ? "" : TimeText.at(time, comparison.zone());
    }

    /** "shown: 1000 of 1234" when a list holds only the first rows. */
    public String more(List<Change> shown, long count) {
        return shown.size() < count ? "The first " + shown.size() + " of " + count + " are listed." : "";
    }

    public List<Option> getAudits() {
        return audits;
    }

    public long getCompanyId() {
        return companyId;
    }

    public Long getFrom() {
        return from;
    }

    public void setFrom(Long from) {
        this.from = from;
    }

    public Long getTo() {
        return to;
    }

    public void setTo(Long to) {
        this.to = to;
    }
}
