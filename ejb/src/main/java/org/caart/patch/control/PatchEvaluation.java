package org.caart.patch.control;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.caart.patch.entity.Criticality;
import org.caart.patch.entity.DeviceType;
import org.caart.patch.entity.PatchStatus;

/**
 * The patch-age rule, as set-based SQL over a company's devices (the same statements for one device after an
 * edit, for the board, for the daily check and for a check run on demand):
 * <pre>
 *   max age   = the strictest override matching the device's type or criticality, else the company's maximum
 *   expiry    = last patch date + max age                 (the last compliant day; stored)
 *   days_left = expiry - today                            (today in the company's time zone)
 *   OVERDUE   days_left &lt; 0
 *   DUE_SOON  0 &lt;= days_left &lt; warning window           (the expiry day itself is still compliant)
 *   CURRENT   otherwise;   UNKNOWN without a patch date
 * </pre>
 * The expiry only changes with the patch date or the policy, and the status only when a day crosses a threshold,
 * so a daily evaluation rewrites only the devices whose expiry or status changes. A device that is overdue and
 * not yet reported is stamped with the reporting check's id, so each device is reported once per overdue spell
 * (a status change clears the stamp).
 */
public final class PatchEvaluation {

    /** Runs SQL with positional {@code ?} parameters: the container's entity manager, or JDBC in tests. */
    public interface Sql {

        int update(String sql, Object... parameters);

        List<Object[]> query(String sql, Object... parameters);
    }

    /** A company's rule: its maximum age, warning window and the overrides per device type and criticality. */
    public record Rules(int maxAgeDays, int warningDays, Map<DeviceType, Integer> typeMaxAgeDays,
            Map<Criticality, Integer> criticalityMaxAgeDays) {

        public Rules {
            typeMaxAgeDays = Map.copyOf(typeMaxAgeDays);
            criticalityMaxAgeDays = Map.copyOf(criticalityMaxAgeDays);
        }

        /**
         * The SQL expression of a device's maximum age. Its literals are enum names and integers only, taken from
         * typed values, never text from a request.
         */
        String maxAgeSql() {
            String type = cases("device_type", typeMaxAgeDays);
            String level = cases("criticality", criticalityMaxAgeDays);
            String strictest = type == null ? level : level == null ? type : "LEAST(" + type + ", " + level + ")";
            return strictest == null ? String.valueOf(maxAgeDays)
                    : "COALESCE(" + strictest + ", " + maxAgeDays + ")";
        }

        private static String cases(String column, Map<? extends Enum<?>, Integer> ages) {
            if (ages.isEmpty()) {
                return null;
            }
            StringBuilder sql = new StringBuilder("CASE " + column);
            ages.entrySet().stream().sorted(Map.Entry.comparingByKey(java.util.Comparator.comparing(Enum::name)))
                    .forEach(e -> sql.append(" WHEN '").append(e.getKey().name()).append("' THEN ")
                            .append(e.getValue().intValue()));
            return sql.append(" END").toString();
        }
    }

    static final String STATUS_CASE = "CASE WHEN expiry IS NULL THEN 'UNKNOWN' WHEN expiry < ? THEN 'OVERDUE' "
            + "WHEN expiry < ? THEN 'DUE_SOON' ELSE 'CURRENT' END";

    static final String STATUS = "UPDATE device SET status = " + STATUS_CASE + ", overdue_check_id = NULL "
            + "WHERE company_id = ? AND status <> " + STATUS_CASE;

    static final String MARK_OVERDUE = "UPDATE device SET overdue_check_id = ? "
            + "WHERE company_id = ? AND status = 'OVERDUE' AND overdue_check_id IS NULL";

    static final String NEWLY_OVERDUE = "SELECT d.id, d.name, d.device_type, d.expiry, d.last_patch_date FROM device d "
            + "WHERE d.overdue_check_id = ? AND d.company_id = ? ORDER BY d.expiry, d.name_key";

    static final String COUNTS = "SELECT status, COUNT(*) FROM device WHERE company_id = ? GROUP BY status";

    private final Sql sql;
    private int statements;

    public PatchEvaluation(Sql sql) {
        this.sql = sql;
    }

    /** Evaluates every device of the company as of {@code today}. */
    public void evaluate(long companyId, LocalDate today, Rules rules) {
        expiries(rules, companyId, null);
        statuses(today, rules, companyId, null);
    }

    /** Evaluates one device with the same rule (after its patch date, type or criticality changed). */
    public void evaluateDevice(long companyId, long deviceId, LocalDate today, Rules rules) {
        expiries(rules, companyId, deviceId);
        statuses(today, rules, companyId, deviceId);
    }

    /** Moves the company's statuses to {@code today} (the expiries stand): what the board does before it shows. */
    public void catchUp(long companyId, LocalDate today, Rules rules) {
        statuses(today, rules, companyId, null);
    }

    private void expiries(Rules rules, long companyId, Long deviceId) {
        String expiry = "last_patch_date + " + rules.maxAgeSql();
        String sql = "UPDATE device SET expiry = " + expiry + " WHERE company_id = ?"
                + (deviceId == null ? "" : " AND id = ?") + " AND expiry IS DISTINCT FROM " + expiry;
        if (deviceId == null) {
            update(sql, companyId);
        } else {
            update(sql, companyId, deviceId);
        }
    }

    private void statuses(LocalDate today, Rules rules, long companyId, Long deviceId) {
        LocalDate dueSoonBefore = today.plusDays(rules.warningDays());
        if (deviceId == null) {
            update(STATUS, today, dueSoonBefore, companyId, today, dueSoonBefore);
        } else {
            update(STATUS.replace("WHERE company_id = ?", "WHERE company_id = ? AND id = ?"), today, dueSoonBefore,
                    companyId, deviceId, today, dueSoonBefore);
        }
    }

    /**
     * Stamps the overdue devices not reported yet with {@code checkId} and returns them (most overdue first); the
     * caller reports each one (trail, log, mail).
     */
    public List<Overdue> reportNewlyOverdue(long companyId, long checkId, LocalDate today) {
        int marked = update(MARK_OVERDUE, checkId, companyId);
        if (marked == 0) {
            return List.of();
        }
        return query(NEWLY_OVERDUE, checkId, companyId).stream()
                .map(row -> new Overdue(((Number) row[0]).longValue(), (String) row[1], (String) row[2],
                        (int) ChronoUnit.DAYS.between(toDate(row[3]), today), toDate(row[4])))
                .toList();
    }

    public Map<PatchStatus, Integer> counts(long companyId) {
        Map<PatchStatus, Integer> counts = new EnumMap<>(PatchStatus.class);
        for (Object[] row : query(COUNTS, companyId)) {
            counts.put(PatchStatus.valueOf((String) row[0]), ((Number) row[1]).intValue());
        }
        return counts;
    }

    /** How many SQL statements this evaluation issued so far. */
    public int statements() {
        return statements;
    }

    public int update(String statement, Object... parameters) {
        statements++;
        return sql.update(statement, parameters);
    }

    public List<Object[]> query(String statement, Object... parameters) {
        statements++;
        return sql.query(statement, parameters);
    }

    public static LocalDate toDate(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof LocalDate date) {
            return date;
        }
        if (value instanceof java.sql.Date date) {
            return date.toLocalDate();
        }
        return LocalDate.parse(value.toString());
    }

    /** A device reported overdue by a check. */
    public record Overdue(long deviceId, String name, String type, int daysOverdue, LocalDate lastPatchDate) {

        /** What the trail says of it (event {@code device.overdue}, target the device's name). */
        public String trailDetail(String company) {
            return "Device " + name + " (" + type + ") of " + company + " is " + daysOverdue
                    + " day(s) overdue; last patched " + lastPatchDate;
        }
    }
}
