package org.caart.remediation.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.caart.company.boundary.Access;
import org.caart.company.entity.Membership;
import org.caart.company.entity.Permission;
import org.caart.contract.agent.v1.RemediationAction;
import org.caart.platform.ConflictException;
import org.caart.platform.NotFoundException;
import org.caart.platform.TrailRecorder;
import org.caart.remediation.control.FailingChecks;
import org.caart.remediation.control.FailingChecks.Target;
import org.caart.remediation.entity.Remediation;
import org.caart.remediation.entity.RemediationItem;
import org.caart.remediation.entity.RemediationOrder;
import org.caart.remediation.entity.RemediationStep;

/**
 * Remediations in the portal and the API: order a fix of failing checks (a PLAN order goes to each endpoint's
 * agent), approve it (an APPLY order per endpoint with the items the plan can fix), roll back items, an endpoint or
 * the whole remediation (a ROLLBACK order of the APPLY order). Ordering, approving and rolling back need
 * ORDER_REMEDIATION; reading needs VIEW. Every step goes to the company's trail.
 */
@Stateless
public class Remediations {

    private static final System.Logger LOG = System.getLogger(Remediations.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    Access access;

    @Inject
    TrailRecorder trail;

    @Inject
    Clock clock;

    @Inject
    FailingChecks failingChecks;

    @Inject
    RemediationSettings settings;

    public Remediation create(long companyId, RemediationRequest request, String sourceAddress) {
        Membership member = access.require(companyId, Permission.ORDER_REMEDIATION);
        List<Target> targets = failingChecks.find(companyId,
                request == null ? new RemediationRequest(null, null, false) : request);
        OffsetDateTime now = OffsetDateTime.now(clock);
        Remediation remediation = new Remediation(companyId, member.getUser().getId(), member.getUser().getEmail(),
                settings.approvalRequired(companyId), now);
        em.persist(remediation);
        em.flush();
        Map<Long, List<RemediationItem>> byEndpoint = new LinkedHashMap<>();
        for (Target t : targets) {
            RemediationItem item = new RemediationItem(remediation, t.endpoint().getId(), t.endpoint().getHostname(),
                    t.result().getId(), t.result().getCheckId(), t.policyId(), t.result().getTitle(),
                    t.result().getSeverity() == null ? null : t.result().getSeverity().name(),
                    t.result().getExpected(), t.result().getRemediation(), now);
            em.persist(item);
            byEndpoint.computeIfAbsent(t.endpoint().getId(), k -> new java.util.ArrayList<>()).add(item);
        }
        em.flush();
        byEndpoint.forEach((endpoint, items) -> em.persist(new RemediationOrder(remediation, endpoint,
                RemediationAction.PLAN, null, ids(items), now)));
        trail.record(companyId, member.getUser().getId(), member.getUser().getEmail(), "remediation.order",
                target(remediation), targets.size() + " check(s) on " + byEndpoint.size() + " endpoint(s); plan asked",
                sourceAddress);
        LOG.log(Level.INFO, "Remediation {0} of company {1}: {2} item(s) on {3} endpoint(s)", remediation.getId(),
                companyId, targets.size(), byEndpoint.size());
        return remediation;
    }

    /**
     * Approves the plan and sends the fixable items to their agents. The requester may not approve their own
     * remediation when the company asks for a second member; that refusal is in the trail too.
     */
    public Remediation approve(long companyId, long remediationId, String sourceAddress) {
        Membership member = access.require(companyId, Permission.ORDER_REMEDIATION);
        Remediation remediation = lock(companyId, remediationId);
        OffsetDateTime now = OffsetDateTime.now(clock);
        try {
            remediation.approve(member.getUser().getId(), member.getUser().getEmail(), now);
        } catch (ConflictException refused) {
            trail.recordRefusal(companyId, member.getUser().getId(), member.getUser().getEmail(),
                    "remediation.approve.refused", target(remediation), refused.getMessage(), sourceAddress);
            throw refused;
        }
        Map<Long, List<RemediationItem>> fixable = items(remediationId).stream().filter(RemediationItem::isFixable)
                .collect(Collectors.groupingBy(RemediationItem::getEndpointId, LinkedHashMap::new,
                        Collectors.toList()));
        fixable.forEach((endpoint, items) -> {
            items.forEach(i -> i.queue(now));
            em.persist(new RemediationOrder(remediation, endpoint, RemediationAction.APPLY, null, ids(items), now));
        });
        trail.record(companyId, member.getUser().getId(), member.getUser().getEmail(), "remediation.approve",
                target(remediation), fixable.values().stream().mapToInt(List::size).sum() + " fix(es) sent to "
                        + fixable.size() + " endpoint(s); requested by " + remediation.getRequestedByEmail(),
                sourceAddress);
        return remediation;
    }

    /** Cancels a remediation not yet approved: orders not yet taken are no longer sent. */
    public Remediation cancel(long companyId, long remediationId, String sourceAddress) {
        Membership member = access.require(companyId, Permission.ORDER_REMEDIATION);
        Remediation remediation = lock(companyId, remediationId);
        remediation.cancel(OffsetDateTime.now(clock));
        orders(remediationId).forEach(RemediationOrder::cancel);
        trail.record(companyId, member.getUser().getId(), member.getUser().getEmail(), "remediation.cancel",
                target(remediation), null, sourceAddress);
        return remediation;
    }

    /**
     * Rolls back the chosen items whose change is in place: one ROLLBACK order per endpoint, naming the APPLY order
     * whose before values the agent restores.
     */
    public Remediation rollback(long companyId, long remediationId, RollbackRequest request, String sourceAddress) {
        Membership member = access.require(companyId, Permission.ORDER_REMEDIATION);
        Remediation remediation = lock(companyId, remediationId);
        List<RemediationItem> chosen = chosen(remediationId, request == null ? RollbackRequest.ALL : request);
        List<RemediationItem> inPlace = chosen.stream().filter(RemediationItem::canRollBack).toList();
        if (inPlace.isEmpty()) {
            throw new ConflictException("Nothing to roll back: no chosen item has a change in place (FIXED or "
                    + "NEEDS_REBOOT)");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        remediation.rollingBack(now);
        Map<Long, List<RemediationItem>> byEndpoint = inPlace.stream().collect(Collectors.groupingBy(
                RemediationItem::getEndpointId, LinkedHashMap::new, Collectors.toList()));
        byEndpoint.forEach((endpoint, items) -> {
            String applied = appliedOrder(remediationId, endpoint);
            items.forEach(i -> i.queue(now));
            em.persist(new RemediationOrder(remediation, endpoint, RemediationAction.ROLLBACK, applied, ids(items),
                    now));
        });
        trail.record(companyId, member.getUser().getId(), member.getUser().getEmail(), "remediation.rollback",
                target(remediation), inPlace.size() + " item(s) on " + byEndpoint.size() + " endpoint(s)",
                sourceAddress);
        return remediation;
    }

    public Remediation get(long companyId, long remediationId) {
        access.require(companyId, Permission.VIEW);
        return find(companyId, remediationId);
    }

    /** The remediation, its items and its orders, read in one call (the portal's poll). */
    public RemediationDetail detail(long companyId, long remediationId) {
        access.require(companyId, Permission.VIEW);
        return new RemediationDetail(find(companyId, remediationId), items(remediationId), orders(remediationId));
    }

    /** The server's journal of the remediation: every state the agents reported, oldest first. */
    public List<RemediationStep> steps(long companyId, long remediationId) {
        access.require(companyId, Permission.VIEW);
        find(companyId, remediationId);
        return em.createQuery("SELECT s FROM RemediationStep s WHERE s.itemId IN (SELECT i.id FROM RemediationItem i "
                        + "WHERE i.remediationId = :remediation) ORDER BY s.id", RemediationStep.class)
                .setParameter("remediation", remediationId).getResultList();
    }

    /** The newest remediations of the company. */
    public List<RemediationSummary> latest(long companyId, int max) {
        access.require(companyId, Permission.VIEW);
        List<Remediation> latest = em.createQuery("SELECT r FROM Remediation r WHERE r.companyId = :company "
                        + "ORDER BY r.createdAt DESC, r.id DESC", Remediation.class)
                .setParameter("company", companyId).setMaxResults(Math.max(1, Math.min(max, 500))).getResultList();
        return RemediationSummary.of(latest, latest.isEmpty() ? List.of() : em.createQuery(
                        "SELECT i FROM RemediationItem i WHERE i.remediationId IN :ids", RemediationItem.class)
                .setParameter("ids", latest.stream().map(Remediation::getId).toList()).getResultList());
    }

    /** The newest remediations of the company that touch an endpoint, with all their items. */
    public List<RemediationSummary> forEndpoint(long companyId, long endpointId, int max) {
        access.require(companyId, Permission.VIEW);
        List<Remediation> touching = em.createQuery("SELECT r FROM Remediation r WHERE r.companyId = :company "
                        + "AND r.id IN (SELECT i.remediationId FROM RemediationItem i WHERE i.endpointId = :endpoint) "
                        + "ORDER BY r.createdAt DESC, r.id DESC", Remediation.class)
                .setParameter("company", companyId).setParameter("endpoint", endpointId)
                .setMaxResults(Math.max(1, Math.min(max, 500))).getResultList();
        return RemediationSummary.of(touching, touching.isEmpty() ? List.of() : em.createQuery(
                        "SELECT i FROM RemediationItem i WHERE i.remediationId IN :ids", RemediationItem.class)
                .setParameter("ids", touching.stream().map(Remediation::getId).toList()).getResultList());
    }

    private List<RemediationItem> chosen(long remediationId, RollbackRequest request) {
        List<RemediationItem> all = items(remediationId);
        if (!request.itemIds().isEmpty()) {
            List<RemediationItem> named = all.stream().filter(i -> request.itemIds().contains(i.getId())).toList();
            if (named.size() != request.itemIds().stream().distinct().count()) {
                throw new NotFoundException("Remediation item");
            }
            return named;
        }
        if (request.endpointId() != null) {
            List<RemediationItem> onEndpoint = all.stream()
                    .filter(i -> i.getEndpointId() == request.endpointId()).toList();
            if (onEndpoint.isEmpty()) {
                throw new NotFoundException("Endpoint");
            }
            return onEndpoint;
        }
        return all;
    }

    private String appliedOrder(long remediationId, long endpointId) {
        return em.createQuery("SELECT o.id FROM RemediationOrder o WHERE o.remediationId = :remediation "
                        + "AND o.endpointId = :endpoint AND o.action = :apply ORDER BY o.createdAt DESC", String.class)
                .setParameter("remediation", remediationId).setParameter("endpoint", endpointId)
                .setParameter("apply", RemediationAction.APPLY).setMaxResults(1).getResultStream().findFirst()
                .orElseThrow(() -> new ConflictException("Nothing was applied on this endpoint"));
    }

    private List<RemediationItem> items(long remediationId) {
        return em.createQuery("SELECT i FROM RemediationItem i WHERE i.remediationId = :remediation "
                        + "ORDER BY i.hostname, i.checkId, i.id", RemediationItem.class)
                .setParameter("remediation", remediationId).getResultList();
    }

    private List<RemediationOrder> orders(long remediationId) {
        return em.createQuery("SELECT o FROM RemediationOrder o WHERE o.remediationId = :remediation "
                        + "ORDER BY o.createdAt, o.id", RemediationOrder.class)
                .setParameter("remediation", remediationId).getResultList();
    }

    private Remediation lock(long companyId, long remediationId) {
        Remediation remediation = find(companyId, remediationId);
        em.lock(remediation, LockModeType.PESSIMISTIC_WRITE);
        em.refresh(remediation);
        return remediation;
    }

    private Remediation find(long companyId, long remediationId) {
        return em.createQuery("SELECT r FROM Remediation r WHERE r.id = :id AND r.companyId = :company",
                        Remediation.class)
                .setParameter("id", remediationId).setParameter("company", companyId)
                .getResultStream().findFirst()
                .orElseThrow(() -> new NotFoundException("Remediation"));
    }

    private static List<Long> ids(List<RemediationItem> items) {
        return items.stream().map(RemediationItem::getId).toList();
    }

    static String target(Remediation remediation) {
        return "remediation #" + remediation.getId();
    }
}
