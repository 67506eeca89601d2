package org.caart.patch.control;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.caart.patch.entity.PatchStatus;

/**
 * The patch-age rule, as set-based SQL over a company's devices (the same statements for one device after an
 * edit, for the daily check and for a check run on demand):
 * <pre>
 *   max age   = the strictest override matching the device's type or criticality, else the company's maximum
 *   days_left = (last patch date + max age) - today          (today in the company's time zone)
 *   OVERDUE   days_left &lt; 0
 *   DUE_SOON  0 &lt;= days_left &lt; warning window             (the expiry day itself is still compliant)
 *   CURRENT   otherwise;   UNKNOWN without a patch date
 * </pre>
 * A device that is overdue and not yet reported is stamped with the reporting check's id, so each device is
 * reported once per overdue spell (and again only after it was patched and fell behind again).
 */
public final class PatchEvaluation {

    /** Runs SQL with positional {@code ?} parameters: the container's entity manager, or JDBC in tests. */
    public interface Sql {

        int update(String sql, Object... parameters);

        List<Object[]> query(String sql, Object... parameters);
    }

    static final String DAYS_LEFT = "UPDATE device SET days_left = CASE WHEN last_patch_date IS NULL THEN NULL "
            + "ELSE CAST((last_patch_date + COALESCE((SELECT MIN(o.max_age_days) FROM patch_override o "
            + "WHERE o.company_id = device.company_id AND ((o.kind = 'TYPE' AND o.subject = device.device_type) "
            + "OR (o.kind = 'CRITICALITY' AND o.subject = device.criticality))), ?)) - CAST(? AS DATE) AS INTEGER) "
            + "END, evaluated_on = ? WHERE company_id = ?";

    static final String STATUS = "UPDATE device SET status = CASE WHEN days_left IS NULL THEN 'UNKNOWN' "
            + "WHEN days_left < 0 THEN 'OVERDUE' WHEN days_left < ? THEN 'DUE_SOON' ELSE 'CURRENT' END, "
            + "overdue_check_id = CASE WHEN days_left < 0 THEN overdue_check_id ELSE NULL END WHERE company_id = ?";

    static final String MARK_OVERDUE = "UPDATE device SET overdue_check_id = ? "
            + "WHERE company_id = ? AND status = 'OVERDUE' AND overdue_check_id IS NULL";

    static final String TRAIL_OVERDUE = "INSERT INTO trail_event (id, occurred_at, company_id, actor, action, target, "
            + "detail) SELECT nextval('trail_event_seq'), ?, d.company_id, 'patch check', 'device.overdue', d.name, "
            + "CONCAT('Device ', d.name, ' (', d.device_type, ') of ', c.name, ' is ', -d.days_left, "
            + "' day(s) overdue; last patched ', d.last_patch_date) "
            + "FROM device d JOIN company c ON c.id = d.company_id WHERE d.overdue_check_id = ? AND d.company_id = ?";

    static final String NEWLY_OVERDUE = "SELECT d.id, d.name, d.days_left, d.last_patch_date FROM device d "
            + "WHERE d.overdue_check_id = ? AND d.company_id = ? ORDER BY d.days_left, d.name";

    static final String COUNTS = "SELECT status, COUNT(*) FROM device WHERE company_id = ? GROUP BY status";

    private final Sql sql;
    private int statements;

    public PatchEvaluation(Sql sql) {
        this.sql = sql;
    }

    /** Evaluates every device of the company as of {@code today}. */
    public void evaluate(long companyId, LocalDate today, int maxAgeDays, int warningDays) {
        update(DAYS_LEFT, maxAgeDays, today, today, companyId);
        update(STATUS, warningDays, companyId);
    }

    /** Evaluates one device with the same rule (after its patch date, type or criticality changed). */
    public void evaluateDevice(long companyId, long deviceId, LocalDate today, int maxAgeDays, int warningDays) {
        update(DAYS_LEFT + " AND id = ?", maxAgeDays, today, today, companyId, deviceId);
        update(STATUS + " AND id = ?", warningDays, companyId, deviceId);
    }

    /**
     * Stamps the overdue devices not reported yet with {@code checkId}, writes one trail event per device, and
     * returns them (most overdue first).
     */
    public List<Overdue> reportNewlyOverdue(long companyId, long checkId, OffsetDateTime now) {
        int marked = update(MARK_OVERDUE, checkId, companyId);
        if (marked == 0) {
            return List.of();
        }
        update(TRAIL_OVERDUE, now, checkId, companyId);
        return query(NEWLY_OVERDUE, checkId, companyId).stream()
                .map(row -> new Overdue(((Number) row[0]).longValue(), (String) row[1],
                        -((Number) row[2]).intValue(), toDate(row[3])))
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
    public record Overdue(long deviceId, String name, int daysOverdue, LocalDate lastPatchDate) {
    }
}
