package org.caart.patch.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.caart.company.boundary.Access;
import org.caart.company.entity.Membership;
import org.caart.company.entity.Permission;
import org.caart.patch.control.DeviceStatus;
import org.caart.patch.entity.Criticality;
import org.caart.patch.entity.DeviceType;
import org.caart.patch.entity.PatchOverride;
import org.caart.patch.entity.PatchPolicy;
import org.caart.platform.InvalidInputException;
import org.caart.platform.TrailRecorder;

/** The company's patch policy: maximum age (with overrides per device type and criticality) and schedules. */
@Stateless
public class PatchPolicies {

    @PersistenceContext
    EntityManager em;

    @Inject
    Access access;

    @Inject
    TrailRecorder trail;

    @Inject
    DeviceStatus status;

    /**
     * The policy as the portal and the API show and take it. The override maps go from a type or criticality
     * name to its maximum age in days; absent entries use {@code maxAgeDays}.
     */
    public record Settings(Integer maxAgeDays, Integer warningDays, Integer checkHour, Integer complianceHour,
            Integer staleAgentHours, Map<String, Integer> typeMaxAgeDays, Map<String, Integer> criticalityMaxAgeDays) {
    }

    /**
     * Each company's compliance hour (its local time; the default for a company without settings), read in one
     * query for the daily jobs (no caller: the scheduler asks).
     */
    public Map<Long, Integer> complianceHours(List<Long> companyIds) {
        Map<Long, Integer> hours = new HashMap<>();
        companyIds.forEach(id -> hours.put(id, PatchPolicy.DEFAULT_COMPLIANCE_HOUR));
        em.createQuery("SELECT p.companyId, p.complianceHour FROM PatchPolicy p", Object[].class).getResultStream()
                .filter(row -> hours.containsKey((Long) row[0]))
                .forEach(row -> hours.put((Long) row[0], (Integer) row[1]));
        return hours;
    }

    public Settings get(long companyId) {
        access.require(companyId, Permission.VIEW);
        return settings(companyId);
    }

    public Settings update(long companyId, Settings wanted, String sourceAddress) {
        Membership member = access.require(companyId, Permission.MANAGE_COMPANY);
        if (wanted == null) {
            throw new InvalidInputException("maxAgeDays", "Give the patch policy");
        }
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, Integer> given = new LinkedHashMap<>();
        given.put("maxAgeDays", wanted.maxAgeDays());
        given.put("warningDays", wanted.warningDays());
        given.put("checkHour", wanted.checkHour());
        given.put("complianceHour", wanted.complianceHour());
        given.put("staleAgentHours", wanted.staleAgentHours());
        given.forEach((field, value) -> {
            if (value == null) {
                errors.put(field, "Required");
            }
        });
        if (errors.isEmpty()) {
            errors.putAll(PatchPolicy.problems(wanted.maxAgeDays(), wanted.warningDays(), wanted.checkHour(),
                    wanted.complianceHour(), wanted.staleAgentHours()));
        }
        Map<String, Integer> types = overrides(wanted.typeMaxAgeDays(), DeviceType.class, "typeMaxAgeDays", errors);
        Map<String, Integer> levels = overrides(wanted.criticalityMaxAgeDays(), Criticality.class,
                "criticalityMaxAgeDays", errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        PatchPolicy policy = em.find(PatchPolicy.class, companyId);
        if (policy == null) {
            policy = new PatchPolicy(companyId);
            em.persist(policy);
        }
        policy.set(wanted.maxAgeDays(), wanted.warningDays(), wanted.checkHour(), wanted.complianceHour(),
                wanted.staleAgentHours());
        em.createQuery("DELETE FROM PatchOverride o WHERE o.companyId = :company").setParameter("company", companyId)
                .executeUpdate();
        types.forEach((type, days) -> em.persist(new PatchOverride(companyId, PatchOverride.TYPE, type, days)));
        levels.forEach((level, days) -> em.persist(new PatchOverride(companyId, PatchOverride.CRITICALITY, level,
                days)));
        em.flush();
        status.refreshAll(member.getCompany());
        Settings saved = settings(companyId);
        trail.record(companyId, member.getUser().getId(), member.getUser().getEmail(), "patch-policy.update", null,
                saved.toString(), sourceAddress);
        return saved;
    }

    private Settings settings(long companyId) {
        PatchPolicy policy = status.policy(companyId);
        Map<String, Integer> types = new TreeMap<>();
        Map<String, Integer> levels = new TreeMap<>();
        em.createQuery("SELECT o FROM PatchOverride o WHERE o.companyId = :company", PatchOverride.class)
                .setParameter("company", companyId).getResultList()
                .forEach(o -> (o.getKind().equals(PatchOverride.TYPE) ? types : levels)
                        .put(o.getSubject(), o.getMaxAgeDays()));
        return new Settings(policy.getMaxAgeDays(), policy.getWarningDays(), policy.getCheckHour(),
                policy.getComplianceHour(), policy.getStaleAgentHours(), types, levels);
    }

    private static <E extends Enum<E>> Map<String, Integer> overrides(Map<String, Integer> given, Class<E> type,
            String field, Map<String, String> errors) {
        Map<String, Integer> valid = new TreeMap<>();
        if (given == null) {
            return valid;
        }
        for (Map.Entry<String, Integer> entry : given.entrySet()) {
            String name = entry.getKey() == null ? "" : entry.getKey().strip().toUpperCase(Locale.ROOT);
            try {
                Enum.valueOf(type, name);
            } catch (IllegalArgumentException e) {
                errors.put(field, "Unknown " + type.getSimpleName().toLowerCase(Locale.ROOT) + " \"" + entry.getKey()
                        + "\"");
                continue;
            }
            if (entry.getValue() == null) {
                continue;
            }
            if (entry.getValue() < 1 || entry.getValue() > PatchPolicy.MAX_AGE_LIMIT) {
                errors.put(field, "A maximum age is 1 to " + PatchPolicy.MAX_AGE_LIMIT + " days");
                continue;
            }
            valid.put(name, entry.getValue());
        }
        return valid;
    }
}
