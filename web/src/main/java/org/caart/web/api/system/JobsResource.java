package org.caart.web.api.system;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.caart.platform.jobs.DailyScheduler;
import org.caart.platform.jobs.JobLedger;
import org.caart.platform.jobs.JobRun;

/** Daily job runs, and "run what is due now" (the same code path as the hourly tick; the ledger prevents repeats). */
@Path("system/jobs")
@Produces(MediaType.APPLICATION_JSON)
public class JobsResource {

    @Inject
    JobLedger ledger;

    @Inject
    DailyScheduler scheduler;

    @GET
    public List<JobRunView> runs() {
        return ledger.latest(500).stream().map(JobRunView::of).toList();
    }

    @POST
    @Path("tick")
    public List<JobRunView> tick() {
        scheduler.tick();
        return runs();
    }

    public record JobRunView(String job, long scopeId, String runDate, String startedAt, String finishedAt,
            String detail) {

        static JobRunView of(JobRun r) {
            return new JobRunView(r.getJob(), r.getScopeId(), r.getRunDate().toString(), r.getStartedAt().toString(),
                    r.getFinishedAt() == null ? null : r.getFinishedAt().toString(), r.getDetail());
        }
    }
}
