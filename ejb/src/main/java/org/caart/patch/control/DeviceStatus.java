package org.caart.patch.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.caart.company.entity.Company;
import org.caart.patch.entity.Criticality;
import org.caart.patch.entity.DeviceType;
import org.caart.patch.entity.PatchOverride;
import org.caart.patch.entity.PatchPolicy;

/**
 * Runs {@link PatchEvaluation} in the caller's transaction with the company's policy and its own "today" (the
 * date in the company's time zone).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class DeviceStatus {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    /** The company's policy, or the defaults when it never saved one (not persisted). */
    public PatchPolicy policy(long companyId) {
        PatchPolicy policy = em.find(PatchPolicy.class, companyId);
        return policy == null ? new PatchPolicy(companyId) : policy;
    }

    /** Today in the company's time zone. */
    public LocalDate today(Company company) {
        return LocalDate.now(clock.withZone(company.zoneId()));
    }

    /** A new evaluation bound to this transaction (it counts the statements it issues). */
    public PatchEvaluation evaluation() {
        em.flush();
        return new PatchEvaluation(new Native(em));
    }

    /** The company's rule: its policy with the overrides per device type and criticality. */
    public PatchEvaluation.Rules rules(long companyId) {
        PatchPolicy policy = policy(companyId);
        Map<DeviceType, Integer> types = new EnumMap<>(DeviceType.class);
        Map<Criticality, Integer> levels = new EnumMap<>(Criticality.class);
        for (PatchOverride o : em.createQuery("SELECT o FROM PatchOverride o WHERE o.companyId = :company",
                PatchOverride.class).setParameter("company", companyId).getResultList()) {
            if (o.getKind().equals(PatchOverride.TYPE)) {
                types.put(DeviceType.valueOf(o.getSubject()), o.getMaxAgeDays());
            } else {
                levels.put(Criticality.valueOf(o.getSubject()), o.getMaxAgeDays());
            }
        }
        return new PatchEvaluation.Rules(policy.getMaxAgeDays(), policy.getWarningDays(), types, levels);
    }

    /** Re-evaluates one device after a change, with the same rule as the daily check. */
    public void refresh(Company company, long deviceId) {
        evaluation().evaluateDevice(company.getId(), deviceId, today(company), rules(company.getId()));
    }

    /** Re-evaluates all the company's devices (after a policy change or an import). */
    public void refreshAll(Company company) {
        evaluation().evaluate(company.getId(), today(company), rules(company.getId()));
    }

    /** Brings the company's statuses to its today before they are shown (only changed rows are written). */
    public LocalDate catchUp(Company company) {
        LocalDate today = today(company);
        evaluation().catchUp(company.getId(), today, rules(company.getId()));
        return today;
    }

    /** {@link PatchEvaluation.Sql} on the entity manager's connection. */
    record Native(EntityManager em) implements PatchEvaluation.Sql {

        @Override
        public int update(String sql, Object... parameters) {
            return bind(em.createNativeQuery(sql), parameters).executeUpdate();
        }

        @Override
        public List<Object[]> query(String sql, Object... parameters) {
            List<?> rows = bind(em.createNativeQuery(sql), parameters).getResultList();
            return rows.stream().map(row -> row instanceof Object[] array ? array : new Object[] {row}).toList();
        }

        private static Query bind(Query query, Object... parameters) {
            for (int i = 0; i < parameters.length; i++) {
                query.setParameter(i + 1, parameters[i]);
            }
            return query;
        }
    }
}
