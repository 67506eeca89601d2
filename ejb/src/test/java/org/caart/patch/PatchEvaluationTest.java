package org.caart.patch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.caart.patch.control.PatchEvaluation;
import org.caart.patch.entity.Criticality;
import org.caart.patch.entity.DeviceType;
import org.caart.patch.entity.PatchStatus;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The patch-age rule's boundary table, run as the product runs it: the migrations on an H2 database in PostgreSQL
 * mode and the evaluation's own SQL (the integration tests run the same statements on PostgreSQL).
 */
class PatchEvaluationTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    private static final PatchEvaluation.Rules RULES = new PatchEvaluation.Rules(30, 7, Map.of(), Map.of());
    private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 11, 22, 6, 0, 0, 0, ZoneOffset.UTC);

    private Connection db;
    private PatchEvaluation evaluation;
    private long nextId = 1000;

    @BeforeEach
    void migrate() throws SQLException {
        String url = "jdbc:h2:mem:patch" + System.nanoTime() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").load().migrate();
        db = DriverManager.getConnection(url, "sa", "");
        evaluation = new PatchEvaluation(new Jdbc(db));
        exec("INSERT INTO company (id, name, client_os, time_zone, created_at, version) VALUES "
                + "(1, 'Acme', 'WINDOWS_11', 'UTC', ?, 1), (2, 'Other', 'WINDOWS_11', 'UTC', ?, 1)", NOW, NOW);
    }

    @AfterEach
    void close() throws SQLException {
        db.close();
    }

    @ParameterizedTest(name = "patched {0} day(s) ago → {1}, {2} day(s) left")
    @CsvSource(nullValues = "none", value = {
        "0,  CURRENT,  30",
        "22, CURRENT,  8",
        "23, CURRENT,  7",   // days_left = warning window: no longer "due soon"
        "24, DUE_SOON, 6",
        "29, DUE_SOON, 1",   // max - 1
        "30, DUE_SOON, 0",   // max: the expiry day itself is still compliant
        "31, OVERDUE,  -1",  // max + 1
        "68, OVERDUE,  -38", // the requirement document's second firewall
        "none, UNKNOWN, none"})
    void boundaryTable(Integer daysAgo, PatchStatus expected, Integer daysLeft) throws SQLException {
        long id = device(1, "fw", "FIREWALL", "MEDIUM", daysAgo == null ? null : TODAY.minusDays(daysAgo));
        evaluation.evaluate(1, TODAY, RULES);
        assertEquals(List.of(expected.name(), String.valueOf(daysLeft)), statusOf(id));
    }

    @Test
    void aZeroWarningWindowHasNoDueSoon() throws SQLException {
        long expiryDay = device(1, "a", "SERVER", "LOW", TODAY.minusDays(30));
        evaluation.evaluate(1, TODAY, new PatchEvaluation.Rules(30, 0, Map.of(), Map.of()));
        assertEquals(List.of("CURRENT", "0"), statusOf(expiryDay));
    }

    @Test
    void theStrictestMatchingOverrideWins() throws SQLException {
        PatchEvaluation.Rules rules = new PatchEvaluation.Rules(30, 7, Map.of(DeviceType.FIREWALL, 60),
                Map.of(Criticality.CRITICAL, 14));
        long lenient = device(1, "fw-low", "FIREWALL", "LOW", TODAY.minusDays(45));
        long strict = device(1, "fw-critical", "FIREWALL", "CRITICAL", TODAY.minusDays(20));
        long plain = device(1, "srv", "SERVER", "MEDIUM", TODAY.minusDays(20));
        long other = device(2, "fw-other", "FIREWALL", "LOW", TODAY.minusDays(45)); // company 2 keeps its rules
        evaluation.evaluate(1, TODAY, rules);
        assertEquals(List.of("CURRENT", "15"), statusOf(lenient));
        assertEquals(List.of("OVERDUE", "-6"), statusOf(strict));
        assertEquals(List.of("CURRENT", "10"), statusOf(plain));
        evaluation.evaluate(2, TODAY, RULES);
        assertEquals(List.of("OVERDUE", "-15"), statusOf(other));
        evaluation.evaluate(1, TODAY, new PatchEvaluation.Rules(30, 7, Map.of(), Map.of(Criticality.LOW, 90)));
        assertEquals(List.of("CURRENT", "45"), statusOf(lenient), "a policy change moves the expiry");
    }

    @Test
    void aDayPassingRewritesOnlyTheDevicesWhoseStatusChanges() throws SQLException {
        long crossing = device(1, "crossing", "SERVER", "LOW", TODAY.minusDays(30));
        long steady = device(1, "steady", "SERVER", "LOW", TODAY.minusDays(2));
        evaluation.evaluate(1, TODAY, RULES);
        exec("UPDATE device SET overdue_check_id = 5 WHERE id = ?", steady); // a stamp an unchanged row keeps
        evaluation.catchUp(1, TODAY.plusDays(1), RULES);
        assertEquals(List.of("OVERDUE", "-1"), statusOf(crossing, TODAY.plusDays(1)));
        assertEquals(List.of("CURRENT", "27"), statusOf(steady, TODAY.plusDays(1)));
        assertEquals(5L, ((Number) new Jdbc(db).query("SELECT overdue_check_id FROM device WHERE id = ?", steady)
                .get(0)[0]).longValue(), "an unchanged device is not rewritten");
    }

    @Test
    void eachOverdueDeviceIsReportedOncePerSpellUnderItsOwnName() throws SQLException {
        long fw1 = device(1, "firewall 1", "FIREWALL", "HIGH", TODAY.minusDays(7));
        long fw2 = device(1, "firewall 2", "FIREWALL", "HIGH", TODAY.minusDays(68));
        long foreign = device(2, "firewall 2", "FIREWALL", "HIGH", TODAY.minusDays(90));
        evaluation.evaluate(1, TODAY, RULES);

        List<PatchEvaluation.Overdue> first = evaluation.reportNewlyOverdue(1, 77, TODAY);
        assertEquals(List.of(new PatchEvaluation.Overdue(fw2, "firewall 2", "FIREWALL", 38, TODAY.minusDays(68))),
                first);
        assertEquals("Device firewall 2 (FIREWALL) of Acme is 38 day(s) overdue; last patched " + TODAY.minusDays(68),
                first.get(0).trailDetail("Acme"));
        assertEquals(List.of(), evaluation.reportNewlyOverdue(1, 78, TODAY), "already reported");
        assertEquals(List.of("UNKNOWN", "null"), statusOf(foreign), "company 2 was not evaluated");

        exec("UPDATE device SET last_patch_date = ? WHERE id = ?", TODAY, fw2);
        evaluation.evaluateDevice(1, fw2, TODAY, RULES);
        exec("UPDATE device SET last_patch_date = ? WHERE id = ?", TODAY.minusDays(40), fw2);
        evaluation.evaluate(1, TODAY, RULES);
        assertEquals(1, evaluation.reportNewlyOverdue(1, 79, TODAY).size(), "a new overdue spell is reported again");
        assertEquals(Map.of(PatchStatus.CURRENT, 1, PatchStatus.OVERDUE, 1), evaluation.counts(1));
        assertEquals(List.of("CURRENT", "23"), statusOf(fw1));
    }

    @Test
    void evaluatingOneDeviceLeavesTheOthers() throws SQLException {
        long one = device(1, "one", "SERVER", "LOW", TODAY.minusDays(40));
        long other = device(1, "other", "SERVER", "LOW", TODAY.minusDays(40));
        evaluation.evaluateDevice(1, one, TODAY, RULES);
        assertEquals(List.of("OVERDUE", "-10"), statusOf(one));
        assertEquals(List.of("UNKNOWN", "null"), statusOf(other));
        assertEquals(2, evaluation.statements(), "one statement for the expiry, one for the status");
    }

    private long device(long company, String name, String type, String criticality, LocalDate patched)
            throws SQLException {
        long id = nextId++;
        exec("INSERT INTO device (id, company_id, name, name_key, device_type, criticality, last_patch_date, "
                + "patch_source, status, created_at, updated_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'UNKNOWN', "
                + "?, ?, 1)", id, company, name, name.toLowerCase(), type, criticality, patched,
                patched == null ? null : "MANUAL", NOW, NOW);
        return id;
    }

    private List<String> statusOf(long id) throws SQLException {
        return statusOf(id, TODAY);
    }

    private List<String> statusOf(long id, LocalDate today) throws SQLException {
        List<Object[]> rows = new Jdbc(db).query("SELECT status, expiry FROM device WHERE id = ?", id);
        LocalDate expiry = PatchEvaluation.toDate(rows.get(0)[1]);
        return List.of(String.valueOf(rows.get(0)[0]),
                expiry == null ? "null" : String.valueOf(java.time.temporal.ChronoUnit.DAYS.between(today, expiry)));
    }

    private void exec(String sql, Object... parameters) throws SQLException {
        new Jdbc(db).update(sql, parameters);
    }

    private record Jdbc(Connection db) implements PatchEvaluation.Sql {

        @Override
        public int update(String sql, Object... parameters) {
            try (PreparedStatement statement = prepare(sql, parameters)) {
                return statement.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public List<Object[]> query(String sql, Object... parameters) {
            try (PreparedStatement statement = prepare(sql, parameters); ResultSet rs = statement.executeQuery()) {
                List<Object[]> rows = new ArrayList<>();
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    Object[] row = new Object[columns];
                    for (int i = 0; i < columns; i++) {
                        row[i] = rs.getObject(i + 1);
                    }
                    rows.add(row);
                }
                return rows;
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        private PreparedStatement prepare(String sql, Object... parameters) throws SQLException {
            PreparedStatement statement = db.prepareStatement(sql);
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement;
        }
    }
}
