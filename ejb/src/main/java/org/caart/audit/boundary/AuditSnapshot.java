package org.caart.audit.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.caart.audit.entity.RunStatus;
import org.caart.endpoint.entity.EndpointStatus;
import org.caart.platform.FeedEvent;
import org.caart.platform.FeedRecorder;
import org.caart.platform.FeedSnapshotDue;

/**
 * The daily feed snapshot: every current result of the company (per active endpoint and policy the newest completed
 * run, as the dashboard counts) as a {@code check.state} event, in chunks so memory stays bounded.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class AuditSnapshot {

    static final int CHUNK = 5000;

    @PersistenceContext
    EntityManager em;

    @Inject
    FeedRecorder feed;

    public void snapshot(@Observes FeedSnapshotDue due) {
        long after = 0;
        while (true) {
            List<Object[]> rows = em.createQuery("SELECT c.id, e.id, e.hostname, r.policyName, c.checkId, c.title, "
                            + "c.severity, c.status, c.observed FROM CheckResult c, AuditRun r JOIN r.endpoint e "
                            + "WHERE r.id = c.runId AND r.companyId = :company AND r.status = :completed "
                            + "AND e.status = :active AND c.companyId = :company AND c.id > :after "
                            + "AND NOT EXISTS (SELECT o.id FROM AuditRun o WHERE o.endpoint = r.endpoint "
                            + "AND o.policyId = r.policyId AND o.status = :completed AND (o.finishedAt > r.finishedAt "
                            + "OR (o.finishedAt = r.finishedAt AND o.id < r.id))) ORDER BY c.id", Object[].class)
                    .setParameter("company", due.companyId()).setParameter("completed", RunStatus.COMPLETED)
                    .setParameter("active", EndpointStatus.ACTIVE).setParameter("after", after)
                    .setMaxResults(CHUNK).getResultList();
            if (rows.isEmpty()) {
                return;
            }
            List<FeedEvent> events = new ArrayList<>(rows.size());
            for (Object[] r : rows) {
                events.add(new FeedEvent(due.companyId(), due.at(), FeedEvent.Types.CHECK_STATE,
                        r[6] == null ? "info" : r[6].toString().toLowerCase(Locale.ROOT), ((Number) r[1]).longValue(),
                        (String) r[2], (String) r[3], (String) r[4], (String) r[5], null, r[7].toString(),
                        r[8] == null ? null : "observed: " + r[8]));
            }
            feed.publish(events);
            after = ((Number) rows.get(rows.size() - 1)[0]).longValue();
        }
    }
}
