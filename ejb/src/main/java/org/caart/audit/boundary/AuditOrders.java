package org.caart.audit.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.caart.audit.entity.AuditRun;
import org.caart.audit.entity.RunStatus;
import org.caart.contract.agent.v1.AuditOrderView;
import org.caart.contract.agent.v1.OrdersView;
import org.caart.endpoint.boundary.AgentIdentity;
import org.caart.platform.NotFoundException;
import org.caart.policy.entity.UploadedPolicy;

/**
 * What an agent is told to do: runs to start (until their first batch arrives) and runs to stop (stopped while running,
 * named for {@link #STOP_REPEATED} after the stop).
 */
@Stateless
public class AuditOrders {

    /** How long a run stopped while running is still named in {@code stopRunIds} (its agent may be polling late). */
    static final Duration STOP_REPEATED = Duration.ofMinutes(10);

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    public OrdersView orders(AgentIdentity agent) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<AuditOrderView> start = em.createQuery("SELECT r FROM AuditRun r JOIN FETCH r.audit "
                        + "WHERE r.endpoint.id = :endpoint AND r.status = :queued AND r.startDeadline > :now "
                        + "ORDER BY r.createdAt", AuditRun.class)
                .setParameter("endpoint", agent.endpointId()).setParameter("queued", RunStatus.QUEUED)
                .setParameter("now", now)
                .getResultStream()
                .map(this::order)
                .toList();
        List<String> stop = em.createQuery("SELECT r.id FROM AuditRun r WHERE r.endpoint.id = :endpoint "
                        + "AND r.stopRequested = TRUE AND (r.status = :running OR r.finishedAt > :recent)", String.class)
                .setParameter("endpoint", agent.endpointId()).setParameter("running", RunStatus.RUNNING)
                .setParameter("recent", now.minus(STOP_REPEATED)).getResultList();
        return new OrdersView(start, stop);
    }

    /**
     * A built-in policy goes by its id; an uploaded one ({@code upload:<id>}) is sent in full with its format. Its
     * deletion is refused while runs are open, so a missing one is only sent by id, and the agent fails that run.
     */
    private AuditOrderView order(AuditRun run) {
        UploadedPolicy uploaded = UploadedPolicy.idOfChoice(run.getPolicyId())
                .flatMap(id -> em.createQuery("SELECT p FROM UploadedPolicy p WHERE p.id = :id "
                                + "AND p.companyId = :company", UploadedPolicy.class)
                        .setParameter("id", id).setParameter("company", run.getCompanyId())
                        .getResultStream().findFirst())
                .orElse(null);
        return new AuditOrderView(run.getId(), run.getAudit().getId(), run.getAudit().getTitle(), run.getPolicyId(),
                run.getPolicyName(), uploaded == null ? "BUILTIN" : uploaded.getFormat().name(),
                uploaded == null ? null : uploaded.getContent());
    }

    /** Whether the agent should stop this run; a run of another endpoint is "not found". */
    public boolean stopRequested(AgentIdentity agent, String runId) {
        List<Object[]> rows = em.createQuery("SELECT r.status, r.stopRequested FROM AuditRun r "
                        + "WHERE r.id = :id AND r.endpoint.id = :endpoint", Object[].class)
                .setParameter("id", runId).setParameter("endpoint", agent.endpointId()).getResultList();
        if (rows.isEmpty()) {
            throw new NotFoundException("Run");
        }
        RunStatus status = (RunStatus) rows.get(0)[0];
        return Boolean.TRUE.equals(rows.get(0)[1]) || status == RunStatus.STOPPED;
    }
}
