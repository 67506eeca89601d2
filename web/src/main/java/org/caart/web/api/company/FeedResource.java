package org.caart.web.api.company;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.caart.feed.boundary.DestinationRequest;
import org.caart.feed.boundary.DestinationState;
import org.caart.feed.boundary.Feed;
import org.caart.feed.boundary.FeedDestinations;
import org.caart.feed.boundary.FeedOverview;
import org.caart.feed.boundary.FeedSettingsRequest;
import org.caart.platform.InvalidInputException;

/**
 * A company's SIEM feed: its settings and syslog destinations (reading: READ_FEED, changing: MANAGE_FEED), and the
 * pull API: {@code GET events?after=N} answers the events numbered after N as OCSF JSON lines
 * ({@code application/x-ndjson}), with the last number in the answer in {@code CAaRT-Feed-Last} (the next call's
 * {@code after}) and the newest number in {@code CAaRT-Feed-Latest}.
 */
@Path("companies/{company}/feed")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class FeedResource {

    public static final String NDJSON = "application/x-ndjson";

    @Inject
    Feed feed;

    @Inject
    FeedDestinations destinations;

    @Context
    HttpServletRequest request;

    @PathParam("company")
    long companyId;

    @GET
    public FeedOverview overview() {
        return destinations.overview(companyId);
    }

    @PUT
    public FeedOverview settings(FeedSettingsRequest body) {
        return destinations.change(companyId, body, request.getRemoteAddr());
    }

    @GET
    @Path("events")
    @Produces(NDJSON)
    public Response events(@QueryParam("after") @DefaultValue("0") String after,
            @QueryParam("limit") @DefaultValue("1000") String limit) {
        Feed.Pulled page = feed.pull(companyId, number("after", after, "a sequence number, 0 for the start"),
                (int) Math.max(1, Math.min(number("limit", limit, "how many events, 1 to " + Feed.PAGE_MAX),
                        Feed.PAGE_MAX)));
        StringBuilder body = new StringBuilder(page.lines().size() * 600);
        page.lines().forEach(line -> body.append(line).append('\n'));
        return Response.ok(body.toString(), NDJSON).header("CAaRT-Feed-Last", page.last())
                .header("CAaRT-Feed-Latest", page.latest()).build();
    }

    @POST
    @Path("destinations")
    public Response createDestination(DestinationRequest body) {
        return Response.status(Response.Status.CREATED)
                .entity(destinations.create(companyId, body, request.getRemoteAddr())).build();
    }

    @GET
    @Path("destinations/{destination}")
    public DestinationState destination(@PathParam("destination") long destinationId) {
        return destinations.get(companyId, destinationId);
    }

    @PUT
    @Path("destinations/{destination}")
    public DestinationState updateDestination(@PathParam("destination") long destinationId,
            DestinationRequest body) {
        return destinations.update(companyId, destinationId, body, request.getRemoteAddr());
    }

    @DELETE
    @Path("destinations/{destination}")
    public Response deleteDestination(@PathParam("destination") long destinationId) {
        destinations.delete(companyId, destinationId, request.getRemoteAddr());
        return Response.noContent().build();
    }

    /** A query parameter that must be a whole number: 400 with the field, not JAX-RS's 404. */
    private static long number(String field, String value, String what) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, "Not a number: give " + what);
        }
    }
}
