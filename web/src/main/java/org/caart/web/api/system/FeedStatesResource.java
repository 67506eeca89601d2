package org.caart.web.api.system;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.caart.feed.boundary.DestinationState;
import org.caart.feed.boundary.FeedDestinations;

/** Every company's SIEM feed destinations with their delivery state, the failing first: the operator's view. */
@Path("system/feed")
@Produces(MediaType.APPLICATION_JSON)
public class FeedStatesResource {

    @Inject
    FeedDestinations destinations;

    @GET
    public List<DestinationState> destinations() {
        return destinations.all();
    }
}
