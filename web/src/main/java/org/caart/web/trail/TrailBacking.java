package org.caart.web.trail;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.caart.trail.boundary.Trail;
import org.caart.trail.entity.TrailEvent;
import org.caart.web.CompanyTime;
import org.caart.web.PagedModel;
import org.caart.web.company.CurrentCompany;

/** The company's audit trail for its owners and admins: every event, newest first, a page at a time, searchable. */
@Named
@ViewScoped
public class TrailBacking implements Serializable {

    private static final long serialVersionUID = 1L;
    static final int ROWS = 25;

    @Inject
    Trail trail;

    @Inject
    CompanyTime time;

    @Inject
    CurrentCompany current;

    private long companyId;
    private String text;
    private final PagedModel<EventRow> events = new PagedModel<>(ROWS, (first, max, sort) -> {
        Trail.TrailPage page = trail.page(companyId, text, first, max);
        return new PagedModel.Slice<>(page.events().stream().map(e -> EventRow.of(e, time)).toList(), page.count());
    }, e -> String.valueOf(e.id()));

    public void load() {
        companyId = current.id();
    }

    /** A new search: from the first page. */
    public void search() {
        events.reset(":trail:events");
    }

    public PagedModel<EventRow> getEvents() {
        return events;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    public record EventRow(long id, String when, String actor, String action, String target, String detail, String from)
            implements Serializable {

        static EventRow of(TrailEvent e, CompanyTime time) {
            return new EventRow(e.getId(), time.of(e.getOccurredAt()), e.getActor(), e.getAction(), e.getTarget(),
                    e.getDetail(), e.getSourceAddress());
        }
    }
}
