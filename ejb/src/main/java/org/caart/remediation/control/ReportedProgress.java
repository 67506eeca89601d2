package org.caart.remediation.control;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.caart.contract.agent.v1.RemediationAction;
import org.caart.contract.agent.v1.RemediationItemReport;
import org.caart.contract.agent.v1.RemediationItemState;
import org.caart.contract.agent.v1.RemediationReportView;
import org.caart.platform.InvalidInputException;
import org.caart.platform.FeedEvent;
import org.caart.platform.FeedRecorder;
import org.caart.platform.TrailRecorder;
import org.caart.remediation.entity.Remediation;
import org.caart.remediation.entity.RemediationItem;
import org.caart.remediation.entity.RemediationOrder;
import org.caart.remediation.entity.RemediationStep;

/**
 * Applies a report the order's agent sent (the order is locked by the caller and the report is newer than the last
 * one): each item takes its state, a journal step is added for each item whose state this order had not reported
 * yet, and when the order finishes the remediation moves on and the trail says what the agent did.
 */
@Dependent
public class ReportedProgress {

    @PersistenceContext
    EntityManager em;

    @Inject
    TrailRecorder trail;

    @Inject
    FeedRecorder feed;

    public void apply(RemediationOrder order, RemediationReportView report, OffsetDateTime now) {
        Map<Long, RemediationItem> items = em.createQuery("SELECT i FROM RemediationItem i WHERE i.id IN :ids",
                        RemediationItem.class)
                .setParameter("ids", order.itemIds()).getResultStream()
                .collect(Collectors.toMap(RemediationItem::getId, Function.identity()));
        Set<String> journaled = new HashSet<>(em.createQuery("SELECT CONCAT(s.itemId, ':', s.state) "
                        + "FROM RemediationStep s WHERE s.orderId = :order", String.class)
                .setParameter("order", order.getId()).getResultList());
        for (int i = 0; i < report.items().size(); i++) {
            RemediationItemReport reported = report.items().get(i);
            RemediationItem item = item(items, reported.itemId(), i);
            item.report(order.getAction(), reported, now);
            if (journaled.add(item.getId() + ":" + reported.state())) {
                em.persist(new RemediationStep(item.getId(), order, reported, now));
            }
        }
        Remediation remediation = em.find(Remediation.class, order.getRemediationId(),
                LockModeType.PESSIMISTIC_WRITE);
        remediation.touched(now);
        if (report.finished()) {
            finished(remediation, order, items.values().stream().toList(), now);
        }
    }

    private static RemediationItem item(Map<Long, RemediationItem> items, String itemId, int index) {
        try {
            RemediationItem item = items.get(Long.valueOf(itemId));
            if (item != null) {
                return item;
            }
        } catch (NumberFormatException e) {
            throw new InvalidInputException("items[" + index + "].itemId", "Item " + itemId + " is not an item id "
                    + "of this order: " + e.getMessage());
        }
        throw new InvalidInputException("items[" + index + "].itemId", "Item " + itemId + " is not in this order");
    }

    private void finished(Remediation remediation, RemediationOrder order, List<RemediationItem> items,
            OffsetDateTime now) {
        Map<RemediationItemState, Integer> states = new EnumMap<>(RemediationItemState.class);
        items.forEach(i -> states.merge(i.getState(), 1, Integer::sum));
        String host = items.isEmpty() ? "endpoint " + order.getEndpointId() : items.get(0).getHostname();
        String detail = order.getAction() + " on " + host + ": " + states.entrySet().stream()
                .map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", "))
                + (order.getMessage() == null ? "" : "; " + order.getMessage());
        if (order.getAction() != RemediationAction.PLAN) {
            String type = order.getAction() == RemediationAction.ROLLBACK ? FeedEvent.Types.REMEDIATION_ROLLED_BACK
                    : FeedEvent.Types.REMEDIATION_APPLIED;
            feed.publish(items.stream().map(i -> new FeedEvent(remediation.getCompanyId(), now, type,
                    i.getSeverity() == null ? "info" : i.getSeverity().toLowerCase(java.util.Locale.ROOT),
                    i.getEndpointId(), i.getHostname(), i.getPolicyId(), i.getCheckId(),
                    "remediation #" + remediation.getId() + ": " + i.getTitle(), i.getBefore(), i.getState().name(),
                    i.getMessage() == null ? i.getAfter() : i.getMessage())).toList());
        }
        trail.record(remediation.getCompanyId(), null, "agent on " + host,
                "remediation." + order.getAction().name().toLowerCase(java.util.Locale.ROOT) + ".done",
                "remediation #" + remediation.getId(), RemediationItem.cut(detail, 1000), null);
        em.flush();
        long open = em.createQuery("SELECT COUNT(o) FROM RemediationOrder o WHERE o.remediationId = :remediation "
                        + "AND o.status IN (org.caart.remediation.entity.OrderStatus.SENT, "
                        + "org.caart.remediation.entity.OrderStatus.TAKEN)", Long.class)
                .setParameter("remediation", remediation.getId()).getSingleResult();
        if (open > 0) {
            return;
        }
        if (order.getAction() == RemediationAction.PLAN) {
            long fixable = em.createQuery("SELECT COUNT(i) FROM RemediationItem i WHERE i.remediationId = :r "
                            + "AND i.planState = :planned", Long.class)
                    .setParameter("r", remediation.getId()).setParameter("planned", RemediationItemState.PLANNED)
                    .getSingleResult();
            remediation.planned(fixable > 0, now);
        } else {
            remediation.done(now);
        }
    }
}
