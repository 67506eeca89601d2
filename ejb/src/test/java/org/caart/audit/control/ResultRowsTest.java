package org.caart.audit.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.caart.contract.agent.v1.CheckResultView;
import org.caart.contract.agent.v1.CheckStatus;
import org.caart.contract.agent.v1.Severity;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The bulk insert of a batch's results on the migrated schema (H2 in PostgreSQL mode; the integration tests run it
 * on PostgreSQL): every column, cut texts, ids that follow the entity's sequence allocation.
 */
class ResultRowsTest {

    private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 11, 22, 8, 0, 0, 0, ZoneOffset.UTC);
    private static final String RUN = "8d0c3f1e-8f0a-4a52-9d3c-0b6f7f7d1a11";

    private Connection db;

    @BeforeEach
    void migrate() throws SQLException {
        String url = "jdbc:h2:mem:rows" + System.nanoTime() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").load().migrate();
        db = DriverManager.getConnection(url, "sa", ""); // the rows' run need not exist: no foreign key since V6
    }

    @AfterEach
    void close() throws SQLException {
        db.close();
    }

    @Test
    void aBatchIsWrittenWithEveryColumnAndItsTextsCutToTheirColumns() throws SQLException {
        List<CheckResultView> results = new ArrayList<>();
        results.add(new CheckResultView("1.1.1", "Ensure cramfs is disabled", CheckStatus.FAILED, Severity.HIGH,
                List.of("CIS 1.1.1", "NIST CM-7"), "module loaded", "not loaded", "loaded", "why", "because",
                "modprobe -r cramfs", 1234));
        results.add(new CheckResultView("1.1.2", "t".repeat(600), CheckStatus.NOT_APPLICABLE, null, List.of(),
                null, null, "o".repeat(5000), null, null, null, 0));
        ResultRows.insert(db, RUN, 7, results, NOW);

        List<List<Object>> rows = query("SELECT id, run_id, company_id, check_id, title, status, severity, refs, "
                + "reason, expected, observed, description, rationale, remediation, duration_micros, received_at "
                + "FROM check_result ORDER BY id");
        assertEquals(2, rows.size());
        List<Object> first = rows.get(0);
        assertEquals(List.of(1L, RUN, 7L, "1.1.1", "Ensure cramfs is disabled", "FAILED", "HIGH", "CIS 1.1.1, NIST CM-7",
                "module loaded", "not loaded", "loaded", "why", "because", "modprobe -r cramfs", 1234L),
                first.subList(0, 15));
        assertEquals(NOW.toInstant(), ((OffsetDateTime) first.get(15)).toInstant());
        List<Object> second = rows.get(1);
        assertEquals(2L, second.get(0));
        assertEquals("t".repeat(499) + "…", second.get(4));
        assertEquals("NOT_APPLICABLE", second.get(5));
        assertNull(second.get(6), "no severity");
        assertEquals("", second.get(7), "no references");
        assertNull(second.get(8));
        assertEquals(4000, ((String) second.get(10)).length());
        assertEquals('…', ((String) second.get(10)).charAt(3999));
    }

    @Test
    void eachBatchTakesTheNext500IdsOfTheSequenceAsTheEntityWould() throws SQLException {
        ResultRows.insert(db, RUN, 7, results(500), NOW);
        ResultRows.insert(db, RUN, 7, results(3), NOW);
        ResultRows.insert(db, RUN, 7, List.of(), NOW); // an end-only batch reserves nothing
        ResultRows.insert(db, RUN, 7, results(1), NOW);
        List<List<Object>> ids = query("SELECT MIN(id), MAX(id), COUNT(*) FROM check_result");
        assertEquals(List.of(1L, 1001L, 504L), ids.get(0));
        assertEquals(List.of(List.of(501L, 503L)), query("SELECT MIN(id), MAX(id) FROM check_result "
                + "WHERE id > 500 AND id < 1000"));
        assertEquals(List.of(List.of(2000L)), query("SELECT nextval('check_result_seq')"),
                "the sequence moved by 500 per batch, so the entity's own allocation can never meet these ids");
    }

    @Test
    void moreResultsThanOneSequenceValueCoversAreRefusedBeforeAnythingIsWritten() throws SQLException {
        assertThrows(IllegalArgumentException.class, () -> ResultRows.insert(db, RUN, 7, results(501), NOW));
        assertEquals(List.of(List.of(0L)), query("SELECT COUNT(*) FROM check_result"));
    }

    @Test
    void checkResultsHaveNoForeignKeyAfterTheMigrations() throws SQLException {
        assertEquals(List.of(List.of("PRIMARY KEY")), query("SELECT constraint_type FROM information_schema"
                + ".table_constraints WHERE table_name = 'check_result' AND constraint_type IN ('PRIMARY KEY', "
                + "'FOREIGN KEY', 'UNIQUE')"), "only the primary key: V6 dropped the key to audit_run");
        assertEquals(List.of(List.of(3L)), query("SELECT COUNT(*) FROM information_schema.table_constraints "
                + "WHERE table_name = 'audit_run' AND constraint_type = 'FOREIGN KEY'"), "other tables keep theirs");
    }

    @Test
    void textsAreCleanedForTheirColumnsWithoutSplittingACharacter() {
        assertNull(ResultRows.text(null, 10));
        assertEquals("a\uFFFDb", ResultRows.text("a\0b", 10), "PostgreSQL cannot store NUL in text");
        assertEquals("abcd", ResultRows.text("abcd", 4));
        assertEquals("abc…", ResultRows.text("abcde", 4));
        String emoji = "\uD83D\uDD12"; // one character, two chars
        assertEquals("ab…", ResultRows.text("ab" + emoji + "cd", 4), "the lock is not cut in half");
    }

    @Test
    void copyDataEscapesWhatWouldEndAColumnOrARowAndIsUtf8() throws SQLException {
        String text = "a\tb\nc\rd\\N e\\f Zürich Ωμέγα €5 🔒 end";
        assertEquals("a\\tb\\nc\\rd\\\\N e\\\\f Zürich Ωμέγα €5 🔒 end\t\\N\n", copyData(text));
        assertEquals("?x\t\\N\n", copyData("\uD83Dx"), "half a character is encoded as getBytes would");
    }

    @Test
    void copyDataLongerThanAChunkArrivesWhole() throws SQLException {
        String text = ("0123456789 ünï 🔒\t").repeat(20_000); // ~400 KB, chunk edges fall inside characters' bytes
        assertEquals(text.replace("\t", "\\t") + "\t\\N\n", copyData(text));
    }

    /** One value, a tab, a null and the end of the row, as the COPY would receive them. */
    private static String copyData(String value) throws SQLException {
        ByteArrayOutputStream sent = new ByteArrayOutputStream();
        List<Integer> chunks = new ArrayList<>();
        PostgresCopy.CopyRows rows = new PostgresCopy.CopyRows((bytes, offset, length) -> {
            chunks.add(length);
            sent.write(bytes, offset, length);
        });
        rows.text(value);
        rows.put('\t').put('\\').put('N').put('\n');
        rows.flush();
        assertTrue(chunks.stream().allMatch(n -> n > 0 && n <= 64 * 1024), chunks.toString());
        return sent.toString(StandardCharsets.UTF_8);
    }

    private static List<CheckResultView> results(int n) {
        List<CheckResultView> results = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            results.add(new CheckResultView("c" + i, "Check " + i, CheckStatus.PASSED, Severity.LOW,
                    Collections.emptyList(), null, null, null, null, null, null, 1));
        }
        return results;
    }

    private List<List<Object>> query(String sql) throws SQLException {
        List<List<Object>> rows = new ArrayList<>();
        try (Statement s = db.createStatement(); ResultSet r = s.executeQuery(sql)) {
            int columns = r.getMetaData().getColumnCount();
            while (r.next()) {
                List<Object> row = new ArrayList<>();
                for (int c = 1; c <= columns; c++) {
                    Object value = r.getObject(c);
                    row.add(value instanceof Integer i ? Long.valueOf(i) : value);
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
