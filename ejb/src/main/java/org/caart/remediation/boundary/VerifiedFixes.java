package org.caart.remediation.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.caart.company.boundary.Access;
import org.caart.company.entity.Permission;
import org.caart.contract.agent.v1.RemediationAction;
import org.caart.contract.agent.v1.RemediationItemState;

/**
 * The fixes remediation applied and verified, read from its own journal ({@code RemediationStep}): per item, from the
 * APPLY step that reported FIXED or NEEDS_REBOOT (the agent's re-check passed) until a ROLLBACK step reported
 * ROLLED_BACK. Reports read them to write a later passing result as fixed (docs/reports.md).
 */
@Stateless
public class VerifiedFixes {

    private static final Set<RemediationItemState> VERIFIED = Set.of(RemediationItemState.FIXED,
            RemediationItemState.NEEDS_REBOOT);

    @PersistenceContext
    EntityManager em;

    @Inject
    Access access;

    /** The company's verified fixes, of one endpoint or (null) of every endpoint, by item. */
    public List<VerifiedFix> of(long companyId, Long endpointId) {
        access.require(companyId, Permission.VIEW);
        TypedQuery<Object[]> query = em.createQuery("SELECT i.id, i.endpointId, i.policyId, i.checkId, "
                        + "i.remediationId, r.approvedByEmail, s.action, s.state, s.receivedAt "
                        + "FROM RemediationStep s, RemediationItem i, Remediation r "
                        + "WHERE s.itemId = i.id AND r.id = i.remediationId AND i.companyId = :company "
                        + (endpointId == null ? "" : "AND i.endpointId = :endpoint ")
                        + "AND s.action <> :plan AND i.id IN (SELECT v.itemId FROM RemediationStep v "
                        + "WHERE v.action = :apply AND v.state IN :verified) ORDER BY i.id, s.id", Object[].class)
                .setParameter("company", companyId).setParameter("plan", RemediationAction.PLAN)
                .setParameter("apply", RemediationAction.APPLY).setParameter("verified", VERIFIED);
        if (endpointId != null) {
            query.setParameter("endpoint", endpointId);
        }
        List<VerifiedFix> fixes = new ArrayList<>();
        Object[] open = null;
        OffsetDateTime verifiedAt = null;
        for (Object[] step : query.getResultList()) {
            if (open != null && !open[0].equals(step[0])) {
                fixes.add(fix(open, verifiedAt, null));
                open = null;
            }
            if (open == null && step[6] == RemediationAction.APPLY && VERIFIED.contains(step[7])) {
                open = step;
                verifiedAt = (OffsetDateTime) step[8];
            } else if (open != null && step[7] == RemediationItemState.ROLLED_BACK) {
                fixes.add(fix(open, verifiedAt, (OffsetDateTime) step[8]));
                open = null;
            }
        }
        if (open != null) {
            fixes.add(fix(open, verifiedAt, null));
        }
        return fixes;
    }

    private static VerifiedFix fix(Object[] item, OffsetDateTime verifiedAt, OffsetDateTime undoneAt) {
        return new VerifiedFix((Long) item[1], (String) item[2], (String) item[3], (Long) item[4], (String) item[5],
                verifiedAt, undoneAt);
    }
}
