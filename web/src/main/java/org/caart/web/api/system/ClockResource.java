package org.caart.web.api.system;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.caart.platform.Clocks;
import org.caart.platform.InvalidInputException;

/** Moves the application clock: refused (403) unless the server was started with CAART_TEST_MODE=true. */
@Path("system/clock")
public class ClockResource {

    @Inject
    Clocks clocks;

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public Response set(ClockRequest body) {
        try {
            clocks.setNow(Instant.parse(body == null || body.now() == null ? "" : body.now()));
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("now", "Give an ISO-8601 instant such as 2026-01-31T06:30:00Z");
        }
        return Response.noContent().build();
    }

    @DELETE
    public Response reset() {
        clocks.reset();
        return Response.noContent().build();
    }

    public record ClockRequest(String now) {
    }
}
