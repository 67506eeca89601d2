package org.caart.web.api;

import jakarta.ejb.EJBAccessException;
import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.UUID;
import org.caart.web.security.RequestBodyLimit;

/**
 * Everything else: JAX-RS's own errors keep their status; an unreadable body is 400; a refused EJB call is 403; anything unexpected is a 500
 * with a correlation id that is also in the log next to the cause. No stack trace ever reaches the client.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    private static final System.Logger LOG = System.getLogger(UnexpectedExceptionMapper.class.getName());

    @Override
    public Response toResponse(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof RequestBodyLimit.BodyTooLargeException tooLarge) {
                return Problem.of(413, "Content Too Large", "A request to this address has a smaller body: "
                        + tooLarge.getMessage(), Map.of(), null);
            }
        }
        if (e instanceof WebApplicationException web && web.getResponse().getStatus() == 400) {
            // Jersey's own 400s can name the Java types a body failed to fit: never shown
            return Problem.of(Response.Status.BAD_REQUEST, "The request body is not valid JSON for this resource");
        }
        if (e instanceof WebApplicationException web) {
            Response.StatusType status = web.getResponse().getStatusInfo();
            return Problem.of(status.getStatusCode(), status.getReasonPhrase(), e.getMessage(), Map.of(), null);
        }
        if (e instanceof ProcessingException || e instanceof JsonbException || e instanceof JsonException) {
            return Problem.of(Response.Status.BAD_REQUEST, "The request body is not valid JSON for this resource");
        }
        if (e instanceof EJBAccessException || e.getCause() instanceof EJBAccessException) {
            return Problem.of(Response.Status.FORBIDDEN, "Your role does not allow this");
        }
        String correlationId = UUID.randomUUID().toString();
        LOG.log(Level.ERROR, "Unexpected error, correlation id " + correlationId, e);
        return Problem.of(500, "Internal Server Error", "Unexpected error; quote this id to your operator",
                Map.of(), correlationId);
    }
}
