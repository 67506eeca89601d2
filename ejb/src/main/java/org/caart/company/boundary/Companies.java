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
