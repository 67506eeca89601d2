package org.caart.web.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;
import org.caart.platform.CaartException;
import org.caart.platform.ConflictException;
import org.caart.platform.ForbiddenException;
import org.caart.platform.GoneException;
import org.caart.platform.UnauthorizedException;
import org.caart.platform.InvalidInputException;
import org.caart.platform.NotFoundException;
import org.caart.platform.TooManyRequestsException;

/** Business refusals as problem+json: 400 with the field list, 401 (typed), 403, 404, 409, 410, 429. */
@Provider
public class CaartExceptionMapper implements ExceptionMapper<CaartException> {

    @Override
    public Response toResponse(CaartException e) {
        if (e instanceof UnauthorizedException unauthorized) {
            return Problem.of(unauthorized.type(), 401, "Unauthorized", e.getMessage(), Map.of(), null);
        }
        if (e instanceof InvalidInputException invalid) {
            return Problem.of(400, "Bad Request", e.getMessage(), invalid.fieldErrors(), null);
        }
        Response.Status status = e instanceof TooManyRequestsException ? Response.Status.TOO_MANY_REQUESTS
                : e instanceof NotFoundException ? Response.Status.NOT_FOUND
                : e instanceof ForbiddenException ? Response.Status.FORBIDDEN
                : e instanceof ConflictException ? Response.Status.CONFLICT
                : e instanceof GoneException ? Response.Status.GONE
                : Response.Status.BAD_REQUEST;
        return Problem.of(status.getStatusCode(), status.getReasonPhrase(), e.getMessage(), Map.of(), null);
    }
}
