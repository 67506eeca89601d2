package org.caart.web.api.company;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;
import org.caart.platform.InvalidInputException;
import org.caart.waiver.boundary.EffectiveException;
import org.caart.waiver.boundary.ReopenRequest;
import org.caart.waiver.boundary.WaiverDetail;
import org.caart.waiver.boundary.WaiverRequest;
import org.caart.waiver.boundary.Waivers;
import org.caart.waiver.entity.Waiver;
import org.caart.waiver.entity.WaiverStatus;

/**
 * A company's exceptions (waivers) for checks: request, read, approve or reject (another member than the
 * requester), reopen a rejected one; {@code in-force}: the approved, unexpired ones (for reports).
 */
@Path("companies/{company}/exceptions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ExceptionsResource {

    @Inject
    Waivers waivers;

    @Context
    HttpServletRequest request;

    @PathParam("company")
    long companyId;

    /** The newest 500, filtered by status, policy id and text (check, title, reason, ticket). */
    @GET
    public List<ExceptionView> list(@QueryParam("status") String status, @QueryParam("policy") String policy,
            @QueryParam("q") String text) {
        return waivers.list(companyId, new Waivers.WaiverFilter(status(status), policy, text)).stream()
                .map(ExceptionView::of).toList();
    }

    @POST
    public Response create(WaiverRequest body) {
        Waiver created = waivers.request(companyId, body, request.getRemoteAddr());
        return Response.status(Response.Status.CREATED).entity(get(created.getId())).build();
    }

    @GET
    @Path("in-force")
    public List<EffectiveException> inForce() {
        return waivers.effective(companyId);
    }

    @GET
    @Path("{exception}")
    public ExceptionView get(@PathParam("exception") long exceptionId) {
        return ExceptionView.of(waivers.get(companyId, exceptionId));
    }

    @POST
    @Path("{exception}/approve")
    public ExceptionView approve(@PathParam("exception") long exceptionId, DecisionRequest body) {
        waivers.approve(companyId, exceptionId, body == null ? null : body.note(), request.getRemoteAddr());
        return get(exceptionId);
    }

    @POST
    @Path("{exception}/reject")
    public ExceptionView reject(@PathParam("exception") long exceptionId, DecisionRequest body) {
        waivers.reject(companyId, exceptionId, body == null ? null : body.note(), request.getRemoteAddr());
        return get(exceptionId);
    }

    @POST
    @Path("{exception}/reopen")
    public ExceptionView reopen(@PathParam("exception") long exceptionId, ReopenRequest body) {
        waivers.reopen(companyId, exceptionId, body, request.getRemoteAddr());
        return get(exceptionId);
    }

    private static WaiverStatus status(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return WaiverStatus.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("status", "Unknown status: " + value);
        }
    }

    public record DecisionRequest(String note) {
    }

    public record ExceptionView(long id, String policyId, String checkId, String checkTitle, String severity,
            String scope, Long endpointId, String hostname, String tag, String reason, String ticket,
            String expiresOn, String expiresAt, String status, String requestedBy, String requestedAt,
            String decidedBy, String decidedAt, String decisionNote, String approvedAt, String reopenedAt,
            String reopenReason, String endedAt, List<String> evidence) {

        static ExceptionView of(WaiverDetail d) {
            Waiver w = d.waiver();
            return new ExceptionView(w.getId(), w.getPolicyId(), w.getCheckId(), w.getCheckTitle(), w.getSeverity(),
                    w.getScope().name(), w.getEndpointId(), d.hostname(), w.getTag(), w.getReason(), w.getTicket(),
                    w.getExpiresOn().toString(), w.getExpiresAt().toString(), w.getStatus().name(),
                    w.getRequestedByEmail(), w.getRequestedAt().toString(), w.getDecidedByEmail(),
                    text(w.getDecidedAt()), w.getDecisionNote(), text(w.getApprovedAt()), text(w.getReopenedAt()),
                    w.getReopenReason(), text(w.getEndedAt()), d.evidence());
        }

        private static String text(Object value) {
            return value == null ? null : value.toString();
        }
    }
}
