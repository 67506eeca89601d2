package org.caart.web.api.system;

import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.caart.ingest.boundary.DeadLetter;
import org.caart.ingest.boundary.Pipeline;

/** The dead-letter queue, read without consuming it: for the platform operator. */
@Path("system/pipeline/dead-letters")
@Produces(MediaType.APPLICATION_JSON)
public class DeadLettersResource {

    @Inject
    Pipeline pipeline;

    @GET
    public List<DeadLetterView> list(@QueryParam("max") @DefaultValue("100") int max) {
        return pipeline.deadLetters(Math.max(1, Math.min(max, 1000))).stream().map(DeadLetterView::of).toList();
    }

    public record DeadLetterView(String messageId, String type, String enqueuedAt, String reason, String body) {

        static DeadLetterView of(DeadLetter d) {
            return new DeadLetterView(d.messageId(), d.type(), d.enqueuedAt().toString(), d.reason(), d.body());
        }
    }
}
