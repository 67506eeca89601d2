package org.caart.audit.control;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.caart.audit.entity.AuditRun;
import org.caart.platform.FeedEvent;
import org.caart.platform.FeedRecorder;

/**
 * A completed run's changes for the SIEM feed: each check whose status differs from the endpoint's previous completed
 * run of the same policy ({@code check.changed}, with the status and observed value before and after). At an
 * endpoint's first completed run of a policy only failures and errors are changes (a new passing check is not news;
 * the daily snapshot gives the whole state). Stopped and failed runs report nothing, as they do not count for scores.
 */
@Dependent
public class ResultChanges {

    @PersistenceContext
    EntityManager em;

    @Inject
    FeedRecorder feed;

    public void completed(String runId, OffsetDateTime now) {
        AuditRun run = em.find(AuditRun.class, runId);
        if (run == null) {
            return;
        }
        @SuppressWarnings("unchecked")
        List<Object> previous = em.createNativeQuery("SELECT id FROM audit_run WHERE endpoint_id = ? "
                        + "AND policy_id = ? AND status = 'COMPLETED' AND id <> ? AND finished_at <= ? "
                        + "ORDER BY finished_at DESC, id LIMIT 1")
                .setParameter(1, run.getEndpoint().getId()).setParameter(2, run.getPolicyId())
                .setParameter(3, runId).setParameter(4, now).getResultList();
        String before = previous.isEmpty() ? null : (String) previous.get(0);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT c.check_id, c.title, c.severity, c.status, c.observed, "
                        + "p.status, p.observed FROM check_result c LEFT JOIN check_result p ON p.run_id = ? "
                        + "AND p.check_id = c.check_id WHERE c.run_id = ? AND (p.status IS NULL AND "
                        + (before == null ? "c.status IN ('FAILED', 'ERROR')" : "FALSE")
                        + " OR p.status <> c.status) ORDER BY c.id")
                .setParameter(1, before == null ? "" : before).setParameter(2, runId).getResultList();
        List<FeedEvent> events = new ArrayList<>(rows.size());
        long company = run.getCompanyId();
        String hostname = run.getEndpoint().getHostname();
        for (Object[] r : rows) {
            String observed = (String) r[4];
            String was = (String) r[6];
            events.add(new FeedEvent(company, now, FeedEvent.Types.CHECK_CHANGED,
                    r[2] == null ? "info" : ((String) r[2]).toLowerCase(Locale.ROOT), run.getEndpoint().getId(),
                    hostname, run.getPolicyName(), (String) r[0], (String) r[1], (String) r[5], (String) r[3],
                    detail(was, observed)));
        }
        feed.publish(events);
    }

    private static String detail(String before, String after) {
        if (before == null && after == null) {
            return null;
        }
        return "observed " + (before == null ? "" : "before: " + before + "; now: ") + (after == null ? "-" : after);
    }
}
