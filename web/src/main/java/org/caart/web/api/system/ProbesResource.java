package org.caart.web.api.system;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import org.caart.ingest.boundary.Pipeline;
import org.caart.ingest.entity.PipelineProbe;
import org.caart.platform.NotFoundException;

/**
 * The ingest pipeline check: POST sends a probe through the JMS queue (202 once the send has committed); GET shows
 * whether the message-driven bean has stored it.
 */
@Path("system/pipeline/probes")
@Produces(MediaType.APPLICATION_JSON)
public class ProbesResource {

    @Inject
    Pipeline pipeline;

    @Context
    UriInfo uri;

    @POST
    public Response send() {
        ProbeView probe = ProbeView.of(pipeline.sendProbe());
        return Response.accepted(probe).location(uri.getAbsolutePathBuilder().path(probe.id()).build()).build();
    }

    @GET
    @Path("{id}")
    public ProbeView find(@PathParam("id") String id) {
        return pipeline.findProbe(id).map(ProbeView::of).orElseThrow(() -> new NotFoundException("Probe"));
    }

    public record ProbeView(String id, String sentAt, String receivedAt, int deliveries) {

        static ProbeView of(PipelineProbe p) {
            return new ProbeView(p.getId(), p.getSentAt().toString(),
                    p.getReceivedAt() == null ? null : p.getReceivedAt().toString(), p.getDeliveries());
        }
    }
}
