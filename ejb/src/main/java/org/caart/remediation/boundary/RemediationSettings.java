package org.caart.remediation.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.OffsetDateTime;
import org.caart.company.boundary.Access;
import org.caart.company.entity.Membership;
import org.caart.company.entity.Permission;
import org.caart.platform.InvalidInputException;
import org.caart.platform.TrailRecorder;
import org.caart.remediation.entity.RemediationSetting;

/** Whether a company asks a second member to approve each remediation: on by default; only owners change it. */
@Stateless
public class RemediationSettings {

    @PersistenceContext
    EntityManager em;

    @Inject
    Access access;

    @Inject
    TrailRecorder trail;

    @Inject
    Clock clock;

    /** Whether the company asks for a second member's approval (members who may see the company may ask). */
    public boolean approvalRequired(long companyId) {
        access.require(companyId, Permission.VIEW);
        RemediationSetting setting = em.find(RemediationSetting.class, companyId);
        return setting == null || setting.isApprovalRequired();
    }

    /** @param required true or false; null is refused (after the permission check) */
    public boolean requireApproval(long companyId, Boolean required, String sourceAddress) {
        Membership owner = access.require(companyId, Permission.MANAGE_OWNERS);
        if (required == null) {
            throw new InvalidInputException("approvalRequired", "Say whether a second member approves: true or false");
        }
        RemediationSetting setting = em.find(RemediationSetting.class, companyId);
        if (setting == null) {
            setting = new RemediationSetting(companyId);
            em.persist(setting);
        }
        setting.requireApproval(required, owner.getUser().getEmail(), OffsetDateTime.now(clock));
        trail.record(companyId, owner.getUser().getId(), owner.getUser().getEmail(), "remediation.approval-setting",
                null, required ? "a second member approves each remediation" : "the requester may apply without a "
                        + "second member's approval", sourceAddress);
        return required;
    }
}
