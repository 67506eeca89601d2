package org.caart.audit.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.caart.audit.entity.AuditRun;
import org.caart.audit.entity.RunStatus;
import org.caart.contract.agent.v1.AuditOrderView;
import org.caart.contract.agent.v1.OrdersView;
import org.caart.endpoint.boundary.AgentIdentity;
import org.caart.platform.NotFoundException;

/** What an agent is told to do: runs to start (until their first batch arrives) and runs to stop. */
@Stateless
public class AuditOrders {

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
                .map(r -> new AuditOrderView(r.getId(), r.getAudit().getId(), r.getAudit().getTitle(),
                        r.getPolicyId(), r.getPolicyName(), "BUILTIN", null))
                .toList();
        List<String> stop = em.createQuery("SELECT r.id FROM AuditRun r WHERE r.endpoint.id = :endpoint "
                        + "AND r.status = :running AND r.stopRequested = TRUE", String.class)
                .setParameter("endpoint", agent.endpointId()).setParameter("running", RunStatus.RUNNING)
                .getResultList();
        return new OrdersView(start, stop);
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
