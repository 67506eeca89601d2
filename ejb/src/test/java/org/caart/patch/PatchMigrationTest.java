package org.caart.patch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/** An installation upgraded from the audit-streams schema: every endpoint it had gets its device. */
class PatchMigrationTest {

    @Test
    void endpointsEnrolledBeforeTheUpgradeBecomeDevices() throws SQLException {
        String url = "jdbc:h2:mem:upgrade" + System.nanoTime() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").target("3").load().migrate();
        try (Connection db = DriverManager.getConnection(url, "sa", ""); Statement s = db.createStatement()) {
            s.execute("INSERT INTO company (id, name, client_os, time_zone, created_at, version) "
                    + "VALUES (1, 'Acme', 'WINDOWS_11', 'UTC', CURRENT_TIMESTAMP, 1)");
            s.execute("INSERT INTO endpoint (id, company_id, agent_id, secret_hash, hostname, os, os_family, os_build, "
                    + "status, enrolled_at, last_seen_at, last_patch_date, patch_source, dropped_batches, "
                    + "spooled_batches, version) VALUES "
                    + "(7, 1, 'a7', RANDOM_UUID(), 'ws-1', 'Windows 11 Pro', 'WINDOWS', '22631.4460', 'ACTIVE', CURRENT_TIMESTAMP, "
                    + "CURRENT_TIMESTAMP, DATE '2026-11-01', 'windows-cbs', 0, 0, 1), "
                    + "(8, 1, 'a8', RANDOM_UUID(), 'db-1', 'Debian GNU/Linux 12', 'LINUX', NULL, 'REVOKED', CURRENT_TIMESTAMP, "
                    + "CURRENT_TIMESTAMP, NULL, NULL, 0, 0, 1)");
            Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").load().migrate();
            List<String> devices = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT name, device_type, endpoint_id, last_patch_date, patch_source, "
                    + "patch_detail, os_build, expiry FROM device ORDER BY endpoint_id")) {
                while (rs.next()) {
                    devices.add(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getLong(3) + "|" + rs.getString(4)
                            + "|" + rs.getString(5) + "|" + rs.getString(6) + "|" + rs.getString(7) + "|"
                            + rs.getString(8));
                }
            }
            // the status depends on the day the test runs: checked against the same rule in SQL
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM device WHERE status = CASE WHEN expiry IS NULL "
                    + "THEN 'UNKNOWN' WHEN expiry < CURRENT_DATE THEN 'OVERDUE' WHEN expiry < CURRENT_DATE + 7 "
                    + "THEN 'DUE_SOON' ELSE 'CURRENT' END")) {
                rs.next();
                assertEquals(2, rs.getInt(1));
            }
            assertEquals(List.of(
                    "ws-1 #7|WORKSTATION|7|2026-11-01|AGENT|windows-cbs|22631.4460|2026-12-01",
                    "db-1 #8|SERVER|8|null|null|null|null|null"), devices);
        }
    }
}
