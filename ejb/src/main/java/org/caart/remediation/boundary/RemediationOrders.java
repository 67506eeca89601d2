package org.caart.remediation.boundary;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.caart.contract.agent.v1.RemediationItemOrder;
import org.caart.contract.agent.v1.RemediationOrderView;
import org.caart.contract.agent.v1.RemediationPolicyView;
import org.caart.contract.agent.v1.RemediationReceipt;
import org.caart.contract.agent.v1.RemediationReportView;
import org.caart.audit.boundary.AuditOrders;
import org.caart.contract.agent.v1.OrdersView;
import org.caart.endpoint.boundary.AgentGate;
import org.caart.endpoint.boundary.AgentIdentity;
import org.caart.platform.ConflictException;
import org.caart.platform.InvalidInputException;
import org.caart.platform.NotFoundException;
import org.caart.policy.boundary.PolicyRemoval;
import org.caart.policy.entity.UploadedPolicy;
import org.caart.remediation.control.ReportJson;
import org.caart.remediation.control.ReportedProgress;
import org.caart.remediation.entity.OrderStatus;
import org.caart.remediation.entity.RemediationItem;
import org.caart.remediation.entity.RemediationOrder;

/**
 * The agent's side of remediation: its orders (audit's, with the remediation orders added: remediation may import
 * audit, not the other way round), the remediation orders waiting for it (repeated on every poll until a finished
 * report arrives: the agent answers a repeat with the order's latest report, so a lost report is made good), and its
 * reports. A report is applied in one transaction with its order locked; it counts only if its sequence is
 * higher than the last one taken, so a resend or an older report changes nothing. Another endpoint's order is
 * "not found".
 */
@Stateless
public class RemediationOrders {

    private static final System.Logger LOG = System.getLogger(RemediationOrders.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    ReportedProgress progress;

    @Inject
    AuditOrders audits;

    @Inject
    AgentGate gate;

    /** Everything the agent is to do: audit's orders (runs to start and stop) and the remediation orders. */
    public OrdersView orders(AgentIdentity agent) {
        OrdersView audit = audits.orders(agent);
        return new OrdersView(audit.start(), audit.stopRunIds(), pending(agent));
    }

    List<RemediationOrderView> pending(AgentIdentity agent) {
        return em.createQuery("SELECT o FROM RemediationOrder o WHERE o.endpointId = :endpoint "
                        + "AND o.status IN :open ORDER BY o.createdAt, o.id", RemediationOrder.class)
                .setParameter("endpoint", agent.endpointId())
                .setParameter("open", List.of(OrderStatus.SENT, OrderStatus.TAKEN))
                .getResultStream().map(this::view).toList();
    }

    /**
     * @param json the request body
     * @throws InvalidInputException naming the field; nothing is stored
     */
    public RemediationReceipt report(String authorization, byte[] json) {
        AgentIdentity agent = gate.authenticate(authorization);
        RemediationReportView report = ReportJson.read(json);
        RemediationOrder order = em.find(RemediationOrder.class, report.orderId(), LockModeType.PESSIMISTIC_WRITE);
        if (order == null || order.getEndpointId() != agent.endpointId()) {
            throw new NotFoundException("Remediation order");
        }
        if (order.getAction() != report.action()) {
            throw new InvalidInputException("action", "Order " + order.getId() + " is a " + order.getAction()
                    + " order, not " + report.action());
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (!order.report(report.sequence(), report.finished(), report.remediationAllowed(),
                RemediationItem.cut(report.message(), RemediationOrder.MESSAGE_MAX), now)) {
            LOG.log(Level.DEBUG, "Remediation report {0} of order {1} is not newer; ignored", report.reportId(),
                    order.getId());
            return new RemediationReceipt(report.reportId());
        }
        progress.apply(order, report, now);
        LOG.log(Level.INFO, "Remediation order {0} ({1}) of endpoint {2}: report {3}{4}", order.getId(),
                order.getAction(), agent.endpointId(), report.sequence(), report.finished() ? ", finished" : "");
        return new RemediationReceipt(report.reportId());
    }

    /** An uploaded policy that an open order's items use cannot be deleted. */
    public void refuseRemovalInUse(@Observes PolicyRemoval removal) {
        long open = em.createQuery("SELECT COUNT(o) FROM RemediationOrder o WHERE o.companyId = :company "
                        + "AND o.status IN :open AND EXISTS (SELECT i FROM RemediationItem i WHERE "
                        + "i.remediationId = o.remediationId AND i.endpointId = o.endpointId AND i.policyId = :choice)",
                        Long.class)
                .setParameter("company", removal.companyId()).setParameter("choice", removal.choice())
                .setParameter("open", List.of(OrderStatus.SENT, OrderStatus.TAKEN)).getSingleResult();
        if (open > 0) {
            throw new ConflictException("A remediation still under way on " + open + " endpoint(s) uses this policy; "
                    + "wait for it to finish or cancel it");
        }
    }

    private RemediationOrderView view(RemediationOrder order) {
        Map<Long, RemediationItem> items = em.createQuery("SELECT i FROM RemediationItem i WHERE i.id IN :ids",
                        RemediationItem.class)
                .setParameter("ids", order.itemIds()).getResultStream()
                .collect(Collectors.toMap(RemediationItem::getId, Function.identity()));
        List<RemediationItemOrder> sent = order.itemIds().stream().map(items::get)
                .map(i -> new RemediationItemOrder(String.valueOf(i.getId()), i.getCheckId(), i.getPolicyId()))
                .toList();
        Set<String> uploaded = sent.stream().map(RemediationItemOrder::policyId)
                .filter(p -> UploadedPolicy.idOfChoice(p).isPresent())
                .collect(Collectors.toCollection(LinkedHashSet::new));
        return new RemediationOrderView(order.getId(), order.getAction(), order.getRollbackOf(), sent,
                uploaded.stream().map(p -> policy(order.getCompanyId(), p)).flatMap(java.util.Optional::stream)
                        .toList());
    }

    /** An uploaded policy the items use, in full (its deletion is refused while an order using it is open). */
    private java.util.Optional<RemediationPolicyView> policy(long companyId, String choice) {
        return UploadedPolicy.idOfChoice(choice).flatMap(id -> em.createQuery("SELECT p FROM UploadedPolicy p "
                        + "WHERE p.id = :id AND p.companyId = :company", UploadedPolicy.class)
                .setParameter("id", id).setParameter("company", companyId).getResultStream().findFirst())
                .map(p -> new RemediationPolicyView(p.choice(), p.getName(), p.getFormat().name(), p.getContent()));
    }
}
