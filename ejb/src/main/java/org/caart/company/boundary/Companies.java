package org.caart.company.boundary;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.caart.account.entity.UserAccount;
import org.caart.company.boundary.Access;
import org.caart.company.entity.Company;
import org.caart.company.entity.Membership;
import org.caart.company.entity.Permission;
import org.caart.company.entity.Role;
import org.caart.platform.ForbiddenException;
import org.caart.platform.InvalidInputException;
import org.caart.platform.TrailRecorder;

/**
 * Companies (UC3): create one (the creator becomes its owner), read and edit those the caller may. Default policies
 * are the policy component's ({@code Policies.chooseDefaults}).
 */
@Stateless
public class Companies {

    private static final System.Logger LOG = System.getLogger(Companies.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    Access access;

    @Inject
    TrailRecorder trail;

    @Inject
    Clock clock;

    @Inject
    Event<CompanyCreated> created;

    @Inject
    Invitations invitations;

    public Company create(CompanyRequest request, String sourceAddress) {
        UserAccount caller = access.caller();
        if (caller.isOperator()) {
            throw new ForbiddenException("The platform operator does not belong to companies; sign up as a user");
        }
        validate(request);
        OffsetDateTime now = OffsetDateTime.now(clock);
        Company company = new Company(request.name(), request.address(), request.os(), request.timeZone().strip(),
                now);
        em.persist(company);
        created.fire(new CompanyCreated(company));
        em.persist(new Membership(company, caller, Role.OWNER, now));
        em.flush();
        trail.record(company.getId(), caller.getId(), caller.getEmail(), "company.create", company.getName(), null,
                sourceAddress);
        LOG.log(Level.INFO, "Company {0} created by account {1}", company.getId(), caller.getId());
        return company;
    }

    /**
     * The platform operator's first step on a new installation: a company with no member yet and an OWNER invitation
     * for the person who will run it. The operator never becomes a member; the invitation's link is returned once.
     */
    public Invitations.Invited createForOwner(CompanyRequest request, String ownerEmail, String sourceAddress) {
        UserAccount caller = access.caller();
        if (!caller.isOperator()) {
            throw new ForbiddenException("Only the platform operator creates a company for someone else");
        }
        Map<String, String> errors = new LinkedHashMap<>(request.problems());
        if (!Invitations.wellFormed(ownerEmail)) {
            errors.put("ownerEmail", "This is not a valid email address");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        Company company = new Company(request.name(), request.address(), request.os(), request.timeZone().strip(),
                OffsetDateTime.now(clock));
        em.persist(company);
        created.fire(new CompanyCreated(company));
        em.flush();
        Invitations.Invited invited = invitations.inviteFirstOwner(company, ownerEmail, sourceAddress);
        trail.record(company.getId(), caller.getId(), caller.getEmail(), "company.create", company.getName(),
                "by the platform operator for its owner " + invited.invitation().getEmail(), sourceAddress);
        LOG.log(Level.INFO, "Company {0} created by the platform operator", company.getId());
        return invited;
    }

    /** Every company with its member count, newest first: the platform operator's overview (no company data). */
    public List<CompanyOverview> overview() {
        if (!access.caller().isOperator()) {
            throw new ForbiddenException("Only the platform operator sees every company");
        }
        Map<Long, Long> members = new HashMap<>();
        em.createQuery("SELECT m.company.id, COUNT(m) FROM Membership m GROUP BY m.company.id", Object[].class)
                .getResultList().forEach(row -> members.put((Long) row[0], ((Number) row[1]).longValue()));
        return em.createQuery("SELECT c FROM Company c ORDER BY c.createdAt DESC, c.id DESC", Company.class)
                .setMaxResults(500).getResultStream()
                .map(c -> new CompanyOverview(c.getId(), c.getName(), c.getTimeZone(), c.getCreatedAt(),
                        members.getOrDefault(c.getId(), 0L)))
                .toList();
    }

    /** The ids of all companies, for the per-company daily jobs (no caller: the scheduler asks). */
    public List<Long> ids() {
        return em.createQuery("SELECT c.id FROM Company c ORDER BY c.id", Long.class).getResultList();
    }

    /** The company, for any member (its name, address, OS and zone are no secret inside it). */
    public Company get(long companyId) {
        return access.require(companyId, Permission.VIEW).getCompany();
    }

    public Company update(long companyId, CompanyRequest request, String sourceAddress) {
        Membership membership = access.require(companyId, Permission.MANAGE_COMPANY);
        validate(request);
        Company company = membership.getCompany();
        String changes = changes(company, request);
        company.update(request.name(), request.address(), request.os(), request.timeZone().strip());
        UserAccount caller = membership.getUser();
        trail.record(companyId, caller.getId(), caller.getEmail(), "company.update", company.getName(),
                changes.isEmpty() ? "no change" : changes, sourceAddress);
        return company;
    }

    private static void validate(CompanyRequest request) {
        Map<String, String> errors = request.problems();
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    private static String changes(Company company, CompanyRequest request) {
        List<String> changed = new ArrayList<>();
        if (!company.getName().equals(request.name().strip())) {
            changed.add("name");
        }
        if (!Objects.equals(company.getPostalAddress(), request.address())) {
            changed.add("postal address");
        }
        if (company.getClientOs() != request.os()) {
            changed.add("client OS " + company.getClientOs() + " -> " + request.os());
        }
        if (!company.getTimeZone().equals(request.timeZone().strip())) {
            changed.add("time zone " + company.getTimeZone() + " -> " + request.timeZone().strip());
        }
        return String.join(", ", changed);
    }
}
