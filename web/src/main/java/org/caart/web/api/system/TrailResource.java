package org.caart.web.api.system;

import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.caart.trail.boundary.Trail;
import org.caart.trail.entity.TrailEvent;

/** The whole platform's audit trail, newest first: the platform operator's view ({@code ?company=}: one company's,
 * also a deleted one's; {@code ?q=}: the events in which the text occurs, ignoring case). */
@Path("system/trail")
@Produces(MediaType.APPLICATION_JSON)
public class TrailResource {

    @Inject
    Trail trail;

    @GET
    public List<TrailEventView> latest(@QueryParam("max") @DefaultValue("200") int max,
            @QueryParam("company") Long companyId, @QueryParam("q") String text) {
        int capped = Math.max(1, Math.min(max, 1000));
        List<TrailEvent> events = companyId != null ? trail.ofCompany(companyId, capped)
                : text != null && !text.isBlank() ? trail.latestMatching(text, capped) : trail.latest(capped);
        return events.stream().map(TrailEventView::of).toList();
    }

    public record TrailEventView(long id, String occurredAt, Long companyId, String actor, String action,
            String target, String detail, String sourceAddress) {

        static TrailEventView of(TrailEvent e) {
            return new TrailEventView(e.getId(), e.getOccurredAt().toString(), e.getCompanyId(), e.getActor(),
                    e.getAction(), e.getTarget(), e.getDetail(), e.getSourceAddress());
        }
    }
}
