package org.caart.export.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.caart.audit.boundary.AuditArchive;
import org.caart.endpoint.boundary.EndpointArchive;
import org.caart.platform.archive.ArchiveIn;
import org.caart.platform.archive.ArchiveOut;
import org.caart.platform.archive.ArchiveRefused;
import org.caart.platform.archive.CompanyPart;
import org.caart.platform.archive.IdMap;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The endpoint and audit parts on the migrated schema (H2 in PostgreSQL mode; the integration tests run them on the
 * server): a company's runs and results go out as an archive and come back as another company's, with new ids and
 * every value equal; a result whose run the archive lacks refuses the archive.
 */
class PartsRoundTripTest {

    @TempDir
    Path dir;

    private JdbcDataSource dataSource;
    private List<CompanyPart> parts;

    @BeforeEach
    void migrate() throws Exception {
        dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:parts" + System.nanoTime() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        dataSource.setUser("sa");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        parts = List.of(with(new EndpointArchive()), with(new AuditArchive()));
        sql("INSERT INTO company (id, name, client_os, time_zone, created_at, version) VALUES "
                + "(7, 'Clinic', 'DEBIAN', 'Europe/Berlin', TIMESTAMP WITH TIME ZONE '2026-01-01 08:00:00+00', 1), "
                + "(8, 'Copy', 'DEBIAN', 'Europe/Berlin', TIMESTAMP WITH TIME ZONE '2026-01-01 08:00:00+00', 1)");
        sql("INSERT INTO endpoint (id, company_id, agent_id, secret_hash, hostname, os_family, status, enrolled_at, "
                + "last_seen_at, last_patch_date, dropped_batches, spooled_batches, version) VALUES (3, 7, "
                + "'a0000000-0000-0000-0000-000000000001', 'secret-hash', 'host-1', 'LINUX', 'ACTIVE', "
                + "TIMESTAMP WITH TIME ZONE '2026-01-01 09:00:00+00', TIMESTAMP WITH TIME ZONE '2026-01-02 09:00:00+00',"
                + " DATE '2025-12-24', 0, 0, 1)");
        sql("INSERT INTO audit (id, company_id, title, status, created_at, finished_at, policy_choice, version) "
                + "VALUES (11, 7, 'First', 'COMPLETED', TIMESTAMP WITH TIME ZONE '2026-01-03 10:00:00+01', "
                + "TIMESTAMP WITH TIME ZONE '2026-01-03 10:20:00+01', 'caart-debian-baseline', 1)");
        sql("INSERT INTO audit_run (id, audit_id, company_id, endpoint_id, policy_id, policy_name, status, planned, "
                + "received, passed, failed, not_applicable, errors, not_run, created_at, start_deadline, "
                + "stop_requested) VALUES ('r1', 11, 7, 3, 'caart-debian-baseline', 'Debian', 'COMPLETED', 3, 3, 2, "
                + "1, 0, 0, 0, TIMESTAMP WITH TIME ZONE '2026-01-03 10:00:00+01', "
                + "TIMESTAMP WITH TIME ZONE '2026-01-03 11:00:00+01', FALSE)");
        sql("INSERT INTO check_text (id, digest, refs, description) VALUES (5, '"
                + digest("CIS 1.1", "Why \"this\"\\n✓", null, null) + "', 'CIS 1.1', 'Why \"this\"\\n✓')");
        for (int i = 1; i <= 3; i++) {
            sql("INSERT INTO check_result (id, run_id, company_id, check_id, title, status, severity, text_id, reason, "
                    + "expected, observed, duration_micros, received_at) VALUES (" + (100 + i) + ", 'r1', 7, 'c-"
                    + i + "', 'Check " + i + "', '" + (i == 2 ? "FAILED" : "PASSED") + "', "
                    + (i == 3 ? "NULL" : "'HIGH'") + ", 5, " + (i == 2 ? "'differs'" : "NULL")
                    + ", 'on', 'o\tff\\\\', " + i + ", TIMESTAMP WITH TIME ZONE '2026-01-03 10:05:00.123456+01')");
        }
    }

    @Test
    void runsAndResultsComeBackAsAnotherCompanysWithEveryValue() throws Exception {
        Path file = export(7);
        try (ArchiveFile archive = ArchiveFile.verify(file, 1L << 30)) {
            IdMap ids = new IdMap(1, null);
            ids.companyCreated(8, "Copy");
            ArchiveIn in = new ArchiveIn(archive::open);
            for (CompanyPart part : parts) {
                in.startPart(part.name());
                part.restore(in, ids);
            }
        }
        String results = "SELECT r.check_id, r.title, r.status, r.severity, r.reason, r.expected, r.observed, "
                + "r.duration_micros, r.received_at, t.refs, t.description, a.title, a.status, a.created_at, "
                + "a.finished_at, a.policy_choice, u.status, u.passed, u.failed, e.hostname, e.last_patch_date, "
                + "e.enrolled_at FROM check_result r JOIN check_text t ON t.id = r.text_id "
                + "JOIN audit_run u ON u.id = r.run_id JOIN audit a ON a.id = u.audit_id "
                + "JOIN endpoint e ON e.id = u.endpoint_id WHERE r.company_id = ? ORDER BY r.check_id";
        List<List<Object>> source = rows(results, 7);
        assertEquals(3, source.size());
        assertEquals(source, rows(results, 8));
        assertNotEquals(rows("SELECT agent_id, secret_hash FROM endpoint WHERE company_id = ?", 7),
                rows("SELECT agent_id, secret_hash FROM endpoint WHERE company_id = ?", 8), "new agent identity");
        assertEquals(List.of(List.of(3L)), rows("SELECT COUNT(*) FROM check_result r JOIN audit_run u ON u.id = r.run_id "
                + "WHERE r.company_id = ? AND r.audit_id = u.audit_id", 8), "each result names its new run's audit");
        assertEquals(List.of(List.of(1L)), rows("SELECT COUNT(*) FROM check_text WHERE 1 = ?", 1),
                "the texts are found by content, not stored twice");
        assertEquals(List.of(List.of(1L), List.of(2L), List.of(3L)),
                rows("SELECT id FROM check_result WHERE company_id = ? ORDER BY id", 8),
                "results get new ids from check_result_seq's first block (START WITH 500: ids 1 to 500)");
    }

    @Test
    void aResultWhoseRunTheArchiveLacksRefusesTheArchive() throws Exception {
        sql("UPDATE check_result SET run_id = 'r-elsewhere' WHERE id = 102");
        sql("INSERT INTO audit_run (id, audit_id, company_id, endpoint_id, policy_id, policy_name, status, planned, "
                + "received, passed, failed, not_applicable, errors, not_run, created_at, start_deadline, "
                + "stop_requested) VALUES ('r-elsewhere', 11, 7, 3, 'p', 'P', 'COMPLETED', 1, 1, 1, 0, 0, 0, 0, "
                + "TIMESTAMP WITH TIME ZONE '2026-01-03 10:00:00+01', TIMESTAMP WITH TIME ZONE '2026-01-03 11:00:00+01', "
                + "FALSE)");
        Path file = export(7);
        // the archive's run file is edited by hand: the result's run is gone, and the hashes are made to fit
        Path edited = ArchiveFileTest.rewrite(file, dir, "audit/audit_run.jsonl",
                text -> text.lines().filter(l -> !l.contains("r-elsewhere")).map(l -> l + "\n")
                        .reduce("", String::concat));
        try (ArchiveFile archive = ArchiveFile.verify(edited, 1L << 30)) {
            IdMap ids = new IdMap(1, null);
            ids.companyCreated(8, "Copy");
            ArchiveIn in = new ArchiveIn(archive::open);
            ArchiveRefused refused = assertThrows(ArchiveRefused.class, () -> {
                for (CompanyPart part : parts) {
                    in.startPart(part.name());
                    part.restore(in, ids);
                }
            });
            assertTrue(refused.getMessage().contains("refers to audit_run r-elsewhere, which the archive lacks"),
                    refused.getMessage());
        }
    }

    private Path export(long companyId) throws Exception {
        Path file = Files.createTempFile(dir, "company", ".zip");
        try (Connection db = dataSource.getConnection(); OutputStream out = Files.newOutputStream(file);
                ZipOutputStream zip = new ZipOutputStream(out)) {
            ArchiveOut archive = new ArchiveOut(zip, db);
            for (CompanyPart part : parts) {
                archive.startPart(part.name());
                part.export(companyId, archive);
            }
            zip.putNextEntry(new ZipEntry(Manifest.ENTRY));
            zip.write(new Manifest(Manifest.FORMAT, "15", companyId, "Clinic", "2026-01-05T00:00:00Z",
                    List.of("endpoint", "audit"), archive.files()).toJson());
            zip.closeEntry();
        }
        return file;
    }

    /** The ingest's digest of a check's texts (each value as its UTF-8 length, -1 for null, and its bytes). */
    private static String digest(String... values) throws Exception {
        java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
        for (String value : values) {
            byte[] bytes = value == null ? null : value.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            sha.update(java.nio.ByteBuffer.allocate(4).putInt(bytes == null ? -1 : bytes.length).array());
            if (bytes != null) {
                sha.update(bytes);
            }
        }
        return java.util.HexFormat.of().formatHex(sha.digest());
    }

    private <T extends CompanyPart> T with(T part) throws ReflectiveOperationException {
        Field field = part.getClass().getDeclaredField("dataSource");
        field.setAccessible(true);
        field.set(part, dataSource);
        return part;
    }

    private void sql(String statement) throws SQLException {
        try (Connection db = dataSource.getConnection(); Statement s = db.createStatement()) {
            s.execute(statement);
        }
    }

    private List<List<Object>> rows(String query, Object parameter) throws SQLException {
        List<List<Object>> rows = new ArrayList<>();
        try (Connection db = dataSource.getConnection(); var statement = db.prepareStatement(query)) {
            statement.setObject(1, parameter);
            try (ResultSet found = statement.executeQuery()) {
                while (found.next()) {
                    List<Object> row = new ArrayList<>();
                    for (int c = 1; c <= found.getMetaData().getColumnCount(); c++) {
                        row.add(found.getObject(c));
                    }
                    rows.add(row);
                }
            }
        }
        return rows;
    }
}
