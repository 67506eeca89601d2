package org.caart.waiver.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.caart.company.boundary.Access;
import org.caart.company.entity.Membership;
import org.caart.company.entity.Permission;
import org.caart.contract.agent.v1.Severity;
import org.caart.platform.InvalidInputException;
import org.caart.platform.TrailRecorder;
import org.caart.waiver.entity.WaiverLimit;

/** The company's longest exception period per severity: read by members (VIEW), changed with MANAGE_COMPANY. */
@Stateless
public class WaiverLimits {

    @PersistenceContext
    EntityManager em;

    @Inject
    Access access;

    @Inject
    TrailRecorder trail;

    /** Days per severity, most severe first; the defaults where the company set nothing. */
    public Map<Severity, Integer> limits(long companyId) {
        access.require(companyId, Permission.VIEW);
        return of(companyId);
    }

    /** Changes the periods given (severity name to days); the others stay. */
    public Map<Severity, Integer> change(long companyId, Map<String, Integer> days, String sourceAddress) {
        Membership member = access.require(companyId, Permission.MANAGE_COMPANY);
        if (days == null || days.isEmpty()) {
            throw new InvalidInputException("limits", "Give the longest period in days for at least one severity");
        }
        Map<Severity, Integer> parsed = new EnumMap<>(Severity.class);
        days.forEach((name, value) -> {
            Severity severity;
            try {
                severity = Severity.valueOf(name.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException(name, "Unknown severity " + name
                        + "; the severities are INFO, LOW, MEDIUM, HIGH, CRITICAL");
            }
            if (value == null) {
                throw new InvalidInputException(severity.name(), "Give a number of days");
            }
            parsed.put(severity, value);
        });
        parsed.forEach((severity, value) -> {
            WaiverLimit limit = em.find(WaiverLimit.class, new WaiverLimit.Key(companyId, severity.name()));
            if (limit == null) {
                em.persist(new WaiverLimit(companyId, severity, value));
            } else {
                limit.change(value);
            }
        });
        Map<Severity, Integer> now = of(companyId);
        trail.record(companyId, member.getUser().getId(), member.getUser().getEmail(), "exception.limits",
                "exception settings", now.toString(), sourceAddress);
        return now;
    }

    /** The longest period for a check's severity (a check without one counts as INFO); for any member. */
    public int maxDays(long companyId, String severity) {
        access.membership(companyId);
        Severity s = severity == null ? Severity.INFO : Severity.valueOf(severity);
        return of(companyId).get(s);
    }

    private Map<Severity, Integer> of(long companyId) {
        Map<Severity, Integer> days = new LinkedHashMap<>();
        for (Severity s : new Severity[] {Severity.CRITICAL, Severity.HIGH, Severity.MEDIUM, Severity.LOW,
                Severity.INFO}) {
            days.put(s, WaiverLimit.DEFAULTS.get(s));
        }
        em.createQuery("SELECT l FROM WaiverLimit l WHERE l.key.companyId = :company", WaiverLimit.class)
                .setParameter("company", companyId).getResultList()
                .forEach(l -> days.put(l.severity(), l.getMaxDays()));
        return days;
    }
}
