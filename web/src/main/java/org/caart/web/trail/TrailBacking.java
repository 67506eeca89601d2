package org.caart.web.trail;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.caart.trail.boundary.Trail;
import org.caart.trail.entity.TrailEvent;
import org.caart.web.CompanyTime;
import org.caart.web.company.CurrentCompany;

/** The company's audit trail for its owners and admins: the newest 500 events, searchable. */
@Named
@ViewScoped
public class TrailBacking implements Serializable {

    private static final long serialVersionUID = 1L;
    static final int MAX = 500;

    @Inject
    Trail trail;

    @Inject
    CompanyTime time;

    @Inject
    CurrentCompany current;

    private long companyId;
    private String text;
    private List<EventRow> events = List.of();

    public void load() {
        companyId = current.id();
        search();
    }

    public void search() {
        events = trail.forCompany(companyId, text, MAX).stream().map(e -> EventRow.of(e, time)).toList();
    }

    public List<EventRow> getEvents() {
        return events;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    public record EventRow(String when, String actor, String action, String target, String detail, String from)
            implements Serializable {

        static EventRow of(TrailEvent e, CompanyTime time) {
            return new EventRow(time.of(e.getOccurredAt()), e.getActor(), e.getAction(), e.getTarget(),
                    e.getDetail(), e.getSourceAddress());
        }
    }
}
