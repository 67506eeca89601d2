package org.caart.company.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.caart.company.entity.Company;
import org.caart.company.entity.Membership;
import org.caart.company.entity.Permission;
import org.caart.company.entity.Role;
import org.caart.platform.ConflictException;
import org.caart.platform.ForbiddenException;
import org.caart.platform.NotFoundException;
import org.caart.platform.TrailRecorder;

/**
 * Members of a company and their roles and alert duties (UC4). Only owners touch the OWNER role, and a company
 * always keeps at least one owner: the company row is locked while that is checked, so two owners demoting each
 * other at once cannot both succeed.
 */
@Stateless
public class Members {

    @PersistenceContext
    EntityManager em;

    @Inject
    Access access;

    @Inject
    TrailRecorder trail;

    public List<Membership> list(long companyId) {
        access.require(companyId, Permission.VIEW);
        return em.createQuery("SELECT m FROM Membership m JOIN FETCH m.user WHERE m.company.id = :company "
                        + "ORDER BY m.user.email", Membership.class)
                .setParameter("company", companyId).getResultList();
    }

    /** The member table's "Save": role and duties in one transaction. */
    public Membership update(long companyId, long memberId, Role role, boolean ciso, boolean securityTech,
            String sourceAddress) {
        Membership member = changeRole(companyId, memberId, role, sourceAddress);
        if (member.isCiso() != ciso || member.isSecurityTech() != securityTech) {
            assignDuties(companyId, memberId, ciso, securityTech, sourceAddress);
        }
        return member;
    }

    public Membership changeRole(long companyId, long memberId, Role role, String sourceAddress) {
        Membership actor = access.require(companyId, Permission.MANAGE_MEMBERS);
        Membership member = find(companyId, memberId);
        if (member.getRole() == role) {
            return member;
        }
        if ((role == Role.OWNER || member.getRole() == Role.OWNER) && !actor.getRole().can(Permission.MANAGE_OWNERS)) {
            throw new ForbiddenException("Only an owner can grant or take away the OWNER role");
        }
        if (member.getRole() == Role.OWNER) {
            keepAnOwner(companyId, "demote");
        }
        Role before = member.getRole();
        member.changeRole(role);
        trail.record(companyId, actor.getUser().getId(), actor.getUser().getEmail(), "member.role",
                member.getUser().getEmail(), before + " -> " + role, sourceAddress);
        return member;
    }

    public Membership assignDuties(long companyId, long memberId, boolean ciso, boolean securityTech,
            String sourceAddress) {
        Membership actor = access.require(companyId, Permission.MANAGE_MEMBERS);
        Membership member = find(companyId, memberId);
        member.assignDuties(ciso, securityTech);
        trail.record(companyId, actor.getUser().getId(), actor.getUser().getEmail(), "member.duties",
                member.getUser().getEmail(), "CISO " + (ciso ? "yes" : "no") + ", security technician "
                        + (securityTech ? "yes" : "no"), sourceAddress);
        return member;
    }

    public void remove(long companyId, long memberId, String sourceAddress) {
        Membership actor = access.require(companyId, Permission.MANAGE_MEMBERS);
        Membership member = find(companyId, memberId);
        if (member.getRole() == Role.OWNER) {
            if (!actor.getRole().can(Permission.MANAGE_OWNERS)) {
                throw new ForbiddenException("Only an owner can remove an owner");
            }
            keepAnOwner(companyId, "remove");
        }
        em.remove(member);
        trail.record(companyId, actor.getUser().getId(), actor.getUser().getEmail(), "member.remove",
                member.getUser().getEmail(), member.getRole().name(), sourceAddress);
    }

    private Membership find(long companyId, long memberId) {
        return em.createQuery("SELECT m FROM Membership m JOIN FETCH m.user "
                        + "WHERE m.id = :id AND m.company.id = :company", Membership.class)
                .setParameter("id", memberId).setParameter("company", companyId)
                .getResultStream().findFirst()
                .orElseThrow(() -> new NotFoundException("Member"));
    }

    private void keepAnOwner(long companyId, String verb) {
        em.find(Company.class, companyId, LockModeType.PESSIMISTIC_WRITE);
        long owners = em.createQuery("SELECT COUNT(m) FROM Membership m WHERE m.company.id = :company "
                        + "AND m.role = :owner", Long.class)
                .setParameter("company", companyId).setParameter("owner", Role.OWNER).getSingleResult();
        if (owners <= 1) {
            throw new ConflictException("You cannot " + verb + " the last owner; make another member an owner first");
        }
    }

    /** The caller's companies, with the caller's role in each. */
    public List<Membership> mine() {
        return access.findCaller().map(user -> em.createQuery(
                        "SELECT m FROM Membership m JOIN FETCH m.company WHERE m.user = :user "
                                + "ORDER BY m.company.name, m.company.id", Membership.class)
                .setParameter("user", user)
                .getResultList()).orElse(List.of());
    }

    /**
     * The addresses of the company's enabled members with the CISO or security technician duty (who get the patch
     * digest): a read for another component's work inside its transaction, which has no caller to check.
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public List<String> withSecurityDuty(long companyId) {
        return em.createQuery("SELECT DISTINCT u.email FROM Membership m JOIN m.user u WHERE m.company.id = :company "
                        + "AND (m.ciso = TRUE OR m.securityTech = TRUE) AND u.enabled = TRUE ORDER BY u.email",
                        String.class)
                .setParameter("company", companyId).getResultList();
    }
}
