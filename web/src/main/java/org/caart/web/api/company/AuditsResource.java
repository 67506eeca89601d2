package org.caart.web.api.company;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
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
import org.caart.audit.boundary.AuditRequest;
import org.caart.audit.boundary.Audits.ResultFilter;
import org.caart.audit.boundary.Audits;
import org.caart.audit.boundary.Excepted;
import org.caart.audit.entity.Audit;
import org.caart.audit.entity.AuditRun;
import org.caart.audit.entity.CheckResult;
import org.caart.contract.agent.v1.CheckStatus;
import org.caart.contract.agent.v1.Severity;
import org.caart.platform.InvalidInputException;

/** A company's audits: create (UC5), read with progress and results (UC6), stop (UC7). */
@Path("companies/{company}/audits")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AuditsResource {

    @Inject
    Audits audits;

    @Context
    HttpServletRequest request;

    @PathParam("company")
    long companyId;

    /** The newest 200 audits; with {@code runs=true} each with its runs' progress. */
    @GET
    public List<AuditView> latest(@QueryParam("runs") boolean withRuns) {
        if (!withRuns) {
            return audits.latest(companyId, 200).stream().map(a -> AuditView.of(a, List.of(), Excepted.NONE)).toList();
        }
        return audits.latestWithRuns(companyId, 200).stream()
                .map(a -> AuditView.of(a.audit(), a.runs(), a.excepted())).toList();
    }

    @POST
    public Response create(AuditRequest body) {
        Audit audit = audits.create(companyId, body == null ? new AuditRequest(null, null, false, null, null) : body,
                request.getRemoteAddr());
        return Response.status(Response.Status.CREATED).entity(AuditView.of(audit,
                audits.runs(companyId, audit.getId()), Excepted.NONE)).build();
    }

    @GET
    @Path("{audit}")
    public AuditView get(@PathParam("audit") long auditId) {
        Audits.AuditWithRuns audit = audits.withRuns(companyId, auditId);
        return AuditView.of(audit.audit(), audit.runs(), audit.excepted());
    }

    @POST
    @Path("{audit}/stop")
    public AuditView stop(@PathParam("audit") long auditId) {
        audits.stop(companyId, auditId, request.getRemoteAddr());
        return get(auditId);
    }

    @GET
    @Path("{audit}/results")
    public List<ResultView> results(@PathParam("audit") long auditId, @QueryParam("status") String status,
            @QueryParam("severity") String severity, @QueryParam("q") String text,
            @QueryParam("first") @DefaultValue("0") int first, @QueryParam("max") @DefaultValue("1000") int max) {
        ResultFilter filter = new ResultFilter(parse(CheckStatus.class, "status", status),
                parse(Severity.class, "severity", severity), text);
        Audits.Results results = audits.resultsWithExceptions(companyId, auditId, filter, Math.max(0, first),
                Math.max(1, Math.min(max, 5000)));
        return results.results().stream().map(c -> ResultView.of(c, results.excepted())).toList();
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, "Unknown " + field + ": " + value);
        }
    }

    public record AuditView(long id, String title, String status, String policy, String createdAt,
            String finishedAt, List<RunView> runs) {

        static AuditView of(Audit a, List<AuditRun> runs, Excepted excepted) {
            return new AuditView(a.getId(), a.getTitle(), a.getStatus().name(), a.getPolicyChoice(),
                    a.getCreatedAt().toString(), a.getFinishedAt() == null ? null : a.getFinishedAt().toString(),
                    runs.stream().map(r -> RunView.of(r, excepted)).toList());
        }
    }

    public record RunView(String id, long endpointId, String hostname, String policyId, String status, int planned,
            int received, int passed, int failed, int notApplicable, int errors, int notRun, Double score,
            int excepted, Double scoreWithExceptions, boolean stopRequested, String error) {

        static RunView of(AuditRun r, Excepted excepted) {
            return new RunView(r.getId(), r.getEndpoint().getId(), r.getEndpoint().getHostname(), r.getPolicyId(),
                    r.getStatus().name(), r.getPlanned(), r.getReceived(), r.getPassed(), r.getFailed(),
                    r.getNotApplicable(), r.getErrors(), r.getNotRun(), r.score(), excepted.count(r.getId()),
                    excepted.score(r), r.isStopRequested(), r.getError());
        }
    }

    public record ResultView(long id, String runId, String checkId, String title, String status, String severity,
            String expected, String observed, String reason, String references, String description, String rationale,
            String remediation, boolean excepted, Long exceptionId) {

        /** {@code excepted}: a failed result an approved exception covers ({@code exceptionId}); status stays FAILED. */
        static ResultView of(CheckResult c, Excepted excepted) {
            return new ResultView(c.getId(), c.getRunId(), c.getCheckId(), c.getTitle(), c.getStatus().name(),
                    c.getSeverity() == null ? null : c.getSeverity().name(), c.getExpected(), c.getObserved(),
                    c.getReason(), c.getRefs(), c.getDescription(), c.getRationale(), c.getRemediation(),
                    excepted.isExcepted(c.getId()), excepted.exceptionOf(c.getId()));
        }
    }
}
