package org.caart.web.api.company;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.caart.remediation.boundary.RemediationDetail;
import org.caart.remediation.boundary.RemediationRequest;
import org.caart.remediation.boundary.RemediationSummary;
import org.caart.remediation.boundary.Remediations;
import org.caart.remediation.boundary.RollbackRequest;
import org.caart.remediation.entity.Remediation;
import org.caart.remediation.entity.RemediationItem;
import org.caart.remediation.entity.RemediationOrder;
import org.caart.remediation.entity.RemediationStep;

/**
 * A company's remediations: order a fix of failing checks (the plan is asked at once), read it with its items,
 * approve, cancel, roll back (items, an endpoint or all), and the journal of every state the agents reported.
 */
@Path("companies/{company}/remediations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RemediationsResource {

    @Inject
    Remediations remediations;

    @Context
    HttpServletRequest request;

    @PathParam("company")
    long companyId;

    /** The newest 200 remediations. */
    @GET
    public List<SummaryView> latest() {
        return remediations.latest(companyId, 200).stream().map(SummaryView::of).toList();
    }

    @POST
    public Response create(RemediationRequest body) {
        Remediation created = remediations.create(companyId, body, request.getRemoteAddr());
        return Response.status(Response.Status.CREATED).entity(get(created.getId())).build();
    }

    @GET
    @Path("{remediation}")
    public RemediationView get(@PathParam("remediation") long remediationId) {
        RemediationDetail detail = remediations.detail(companyId, remediationId);
        return RemediationView.of(detail.remediation(), detail.items(), detail.orders());
    }

    @POST
    @Path("{remediation}/approve")
    public RemediationView approve(@PathParam("remediation") long remediationId) {
        remediations.approve(companyId, remediationId, request.getRemoteAddr());
        return get(remediationId);
    }

    @POST
    @Path("{remediation}/cancel")
    public RemediationView cancel(@PathParam("remediation") long remediationId) {
        remediations.cancel(companyId, remediationId, request.getRemoteAddr());
        return get(remediationId);
    }

    /** Rolls back the items named, else those of {@code endpointId}, else every item whose change is in place. */
    @POST
    @Path("{remediation}/rollback")
    public RemediationView rollback(@PathParam("remediation") long remediationId, RollbackRequest body) {
        remediations.rollback(companyId, remediationId, body, request.getRemoteAddr());
        return get(remediationId);
    }

    @GET
    @Path("{remediation}/steps")
    public List<StepView> steps(@PathParam("remediation") long remediationId) {
        return remediations.steps(companyId, remediationId).stream().map(StepView::of).toList();
    }

    public record SummaryView(long id, String status, String requestedBy, String approvedBy, String createdAt,
            String updatedAt, long endpoints, int items, String states) {

        static SummaryView of(RemediationSummary s) {
            return new SummaryView(s.id(), s.status().name(), s.requestedBy(), s.approvedBy(),
                    s.createdAt().toString(), s.updatedAt().toString(), s.endpoints(), s.items(), s.stateText());
        }
    }

    public record RemediationView(long id, String status, boolean approvalRequired, String requestedBy,
            String approvedBy, String createdAt, String approvedAt, String updatedAt, List<ItemView> items,
            List<OrderView> orders) {

        static RemediationView of(Remediation r, List<RemediationItem> items, List<RemediationOrder> orders) {
            return new RemediationView(r.getId(), r.getStatus().name(), r.isApprovalRequired(),
                    r.getRequestedByEmail(), r.getApprovedByEmail(), r.getCreatedAt().toString(),
                    r.getApprovedAt() == null ? null : r.getApprovedAt().toString(), r.getUpdatedAt().toString(),
                    items.stream().map(ItemView::of).toList(), orders.stream().map(OrderView::of).toList());
        }
    }

    public record ItemView(long id, long endpointId, String hostname, long checkResultId, String checkId,
            String policyId, String title, String severity, String planState, String state, String fixKind,
            String expected, String observed, String target, List<String> flags, String manualText, String before,
            String after, String message, String updatedAt) {

        static ItemView of(RemediationItem i) {
            return new ItemView(i.getId(), i.getEndpointId(), i.getHostname(), i.getCheckResultId(), i.getCheckId(),
                    i.getPolicyId(), i.getTitle(), i.getSeverity(), i.getPlanState().name(), i.getState().name(),
                    i.getFixKind() == null ? null : i.getFixKind().name(), i.getExpected(), i.getObserved(),
                    i.getTarget(), i.flags().stream().map(Enum::name).toList(),
                    i.getPlanState().name().equals("MANUAL") ? i.getManualText() : null, i.getBefore(), i.getAfter(),
                    i.getMessage(), i.getUpdatedAt().toString());
        }
    }

    public record OrderView(String id, long endpointId, String action, String rollbackOf, String status,
            Boolean remediationAllowed, String message, String createdAt, String finishedAt) {

        static OrderView of(RemediationOrder o) {
            return new OrderView(o.getId(), o.getEndpointId(), o.getAction().name(), o.getRollbackOf(),
                    o.getStatus().name(), o.getRemediationAllowed(), o.getMessage(), o.getCreatedAt().toString(),
                    o.getFinishedAt() == null ? null : o.getFinishedAt().toString());
        }
    }

    public record StepView(long itemId, String orderId, String action, String state, String before, String after,
            String message, String reportedAt, String receivedAt) {

        static StepView of(RemediationStep s) {
            return new StepView(s.getItemId(), s.getOrderId(), s.getAction().name(), s.getState().name(),
                    s.getBefore(), s.getAfter(), s.getMessage(), s.getReportedAt(), s.getReceivedAt().toString());
        }
    }
}
