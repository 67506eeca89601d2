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
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.caart.contract.agent.v1.CheckResultView;
import org.caart.contract.agent.v1.CheckStatus;
import org.caart.contract.agent.v1.Severity;
import org.caart.platform.PostgresCopy;
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
    private String url;

    @BeforeEach
    void migrate() throws SQLException {
        url = "jdbc:h2:mem:rows" + System.nanoTime() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").load().migrate();
        db = DriverManager.getConnection(url, "sa", ""); // the rows' run need not exist: no foreign key since V6
        CheckTexts.forget(); // ids remembered from another test's database
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
        insert(results);

        List<List<Object>> rows = query("SELECT c.id, c.run_id, c.company_id, c.check_id, c.title, c.status, "
                + "c.severity, t.refs, c.reason, c.expected, c.observed, t.description, t.rationale, t.remediation, "
                + "c.duration_micros, c.received_at FROM check_result c JOIN check_text t ON t.id = c.text_id "
                + "ORDER BY c.id");
        assertEquals(2, rows.size());
        List<Object> first = rows.get(0);
        assertEquals(List.of(1L, RUN, 7L, "1.1.1", "Ensure cramfs is disabled", "FAILED", "HIGH",
                "CIS 1.1.1, NIST CM-7",
                "module loaded", "not loaded", "loaded", "why", "because", "modprobe -r cramfs", 1234L),
                first.subList(0, 15));
        assertEquals(NOW.toInstant(), ((OffsetDateTime) first.get(15)).toInstant());
        assertEquals(List.of(List.of(3L), List.of(3L)), query("SELECT audit_id FROM check_result ORDER BY id"),
                "each row names its run's audit");
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
        insert(results(500));
        insert(results(3));
        insert(List.of()); // an end-only batch reserves nothing
        insert(results(1));
        List<List<Object>> ids = query("SELECT MIN(id), MAX(id), COUNT(*) FROM check_result");
        assertEquals(List.of(1L, 1001L, 504L), ids.get(0));
        assertEquals(List.of(List.of(501L, 503L)), query("SELECT MIN(id), MAX(id) FROM check_result "
                + "WHERE id > 500 AND id < 1000"));
        assertEquals(List.of(List.of(2000L)), query("SELECT nextval('check_result_seq')"),
                "the sequence moved by 500 per batch, so the entity's own allocation can never meet these ids");
    }

    @Test
    void aChecksTextsAreStoredOnceAndSharedByItsResults() throws SQLException {
        insert(List.of(result("1.1", "cramfs", "why", "fix"), result("1.2", "squashfs", "why", "fix"),
                result("1.3", "cramfs", "why", "fix")));
        insert(List.of(result("1.1", "cramfs", "why", "fix"), result("1.4", "cramfs", null, "fix")));
        assertEquals(List.of(List.of(3L)), query("SELECT COUNT(*) FROM check_text"));
        assertEquals(List.of(List.of("1.1", "cramfs", "why"), List.of("1.1", "cramfs", "why"),
                List.of("1.2", "squashfs", "why"), List.of("1.3", "cramfs", "why"),
                Arrays.asList("1.4", "cramfs", null)),
                query("SELECT c.check_id, t.description, t.rationale FROM check_result c "
                        + "JOIN check_text t ON t.id = c.text_id ORDER BY c.check_id, c.id"));
        assertEquals(List.of(List.of(1L)), query("SELECT COUNT(DISTINCT text_id) FROM check_result "
                + "WHERE check_id IN ('1.1', '1.3')"), "1.1 twice and 1.3 share one row, as they say the same");
    }

    @Test
    void textIdsOfARolledBackBatchAreNotRememberedAndTheTextsAreStoredAgain() throws SQLException {
        db.setAutoCommit(false);
        List<Map<CheckTexts.Key, Long>> learned = new ArrayList<>();
        ResultRows.insert(db, RUN, 3, 7, List.of(result("2.1", "lost", "why", "fix")), NOW, learned::add);
        assertEquals(1, learned.size(), "the new text's id is handed over for after the commit");
        db.rollback();
        insert(List.of(result("2.1", "lost", "why", "fix")));
        db.commit();
        assertEquals(List.of(List.of("2.1", "lost")), query("SELECT c.check_id, t.description FROM check_result c "
                + "JOIN check_text t ON t.id = c.text_id"), "the second batch stored the text again and points at it");
        List<Map<CheckTexts.Key, Long>> again = new ArrayList<>();
        ResultRows.insert(db, RUN, 3, 7, List.of(result("2.1", "lost", "why", "fix")), NOW, again::add);
        db.commit();
        assertEquals(List.of(), again, "a committed text's id is remembered: no look-up");
        assertEquals(List.of(List.of(1L, 2L)), query("SELECT COUNT(DISTINCT t.id), COUNT(*) FROM check_result c "
                + "JOIN check_text t ON t.id = c.text_id"));
    }

    @Test
    void aNewTextAnotherTransactionHasStoredButNotCommittedIsWaitedForAndShared() throws Exception {
        List<Map<CheckTexts.Key, Long>> learned = sameNewTextWhileAnotherTransactionEnds(
                result("3.1", "shared", "why", "fix"), true);
        assertEquals(learned.get(0), learned.get(1), "the same id, learned after the other transaction committed");
        assertEquals(List.of(List.of(1L, 2L)), query("SELECT COUNT(DISTINCT t.id), COUNT(*) FROM check_result c "
                + "JOIN check_text t ON t.id = c.text_id"));
    }

    @Test
    void aNewTextWhoseOtherTransactionRollsBackIsStoredByTheNext() throws Exception {
        sameNewTextWhileAnotherTransactionEnds(result("3.2", "undone", "why", "fix"), false);
        assertEquals(List.of(List.of("3.2", "undone")), query("SELECT c.check_id, t.description FROM check_result c "
                + "JOIN check_text t ON t.id = c.text_id"), "only this batch's row, with its own text row");
    }

    @Test
    void theMigrationMovesExistingTextsToSharedRowsThatTheIngestThenFinds() throws SQLException {
        String url = "jdbc:h2:mem:v6" + System.nanoTime() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").target("6").load().migrate();
        try (Connection v6 = DriverManager.getConnection(url, "sa", "")) {
            try (Statement s = v6.createStatement()) {
                String row = "INSERT INTO check_result (id, run_id, company_id, check_id, title, status, refs, "
                        + "description, rationale, remediation, duration_micros, received_at) VALUES ";
                s.execute(row + "(1001, '" + RUN + "', 7, '1.1', 't', 'PASSED', 'CIS 1.1', 'cramfs', 'why', 'fix', 1, "
                        + "CURRENT_TIMESTAMP)");
                s.execute(row + "(1002, '" + RUN + "', 7, '1.1', 't', 'FAILED', 'CIS 1.1', 'cramfs', 'why', 'fix', 1, "
                        + "CURRENT_TIMESTAMP)");
                s.execute(row + "(1003, '" + RUN + "', 7, '1.2', 't', 'PASSED', '', NULL, NULL, NULL, 1, "
                        + "CURRENT_TIMESTAMP)");
            }
            Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").load().migrate();
            assertEquals(List.of(List.of(1001L, "CIS 1.1", "cramfs", "why", "fix"),
                    List.of(1002L, "CIS 1.1", "cramfs", "why", "fix"), Arrays.asList(1003L, "", null, null, null)),
                    query(v6, "SELECT c.id, t.refs, t.description, t.rationale, t.remediation "
                            + "FROM check_result c JOIN check_text t ON t.id = c.text_id ORDER BY c.id"));
            assertEquals(List.of(List.of(3L)), query(v6, "SELECT nextval('check_text_seq')"),
                    "the sequence starts after the migrated rows");
            List<CheckResultView> same = List.of(new CheckResultView("1.1", "t", CheckStatus.PASSED, null,
                    List.of("CIS 1.1"), null, null, null, "cramfs", "why", "fix", 1));
            List<Map<CheckTexts.Key, Long>> learned = new ArrayList<>();
            ResultRows.insert(v6, RUN, 3, 7, same, NOW, learned::add);
            assertEquals(1, learned.size(), "found by its digest");
            assertEquals(List.of(List.of(2L)), query(v6, "SELECT COUNT(*) FROM check_text"),
                    "the ingest's digest is the migration's: the migrated row is found, not stored twice");
            assertEquals(List.of(List.of(1L)), query(v6, "SELECT COUNT(DISTINCT text_id) FROM check_result "
                    + "WHERE check_id = '1.1'"));
        }
    }

    @Test
    void moreResultsThanOneSequenceValueCoversAreRefusedBeforeAnythingIsWritten() throws SQLException {
        assertThrows(IllegalArgumentException.class, () -> insert(results(501)));
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

    /**
     * Stores the result in another connection's open transaction, ends that transaction (commit or rollback) from
     * another thread 300 ms later, and meanwhile stores the same result here (autocommit), which must wait for it.
     * Returns the text ids the other transaction learned, then those learned here.
     */
    private List<Map<CheckTexts.Key, Long>> sameNewTextWhileAnotherTransactionEnds(CheckResultView result,
            boolean commit) throws Exception {
        try (Connection other = DriverManager.getConnection(url, "sa", "")) {
            other.setAutoCommit(false);
            List<Map<CheckTexts.Key, Long>> learned = new ArrayList<>();
            ResultRows.insert(other, RUN, 3, 7, List.of(result), NOW, learned::add);
            Thread end = new Thread(() -> {
                try {
                    Thread.sleep(300);
                    if (commit) {
                        other.commit();
                    } else {
                        other.rollback();
                    }
                } catch (InterruptedException | SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            end.start();
            ResultRows.insert(db, RUN, 3, 7, List.of(result), NOW, learned::add);
            end.join();
            return learned;
        }
    }

    private void insert(List<CheckResultView> results) throws SQLException {
        ResultRows.insert(db, RUN, 3, 7, results, NOW, CheckTexts::remember);
    }

    private static CheckResultView result(String checkId, String description, String rationale, String remediation) {
        return new CheckResultView(checkId, "Check " + checkId, CheckStatus.PASSED, Severity.LOW,
                List.of("CIS " + checkId.charAt(0)), null, null, null, description, rationale, remediation, 1);
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
        return query(db, sql);
    }

    private static List<List<Object>> query(Connection db, String sql) throws SQLException {
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
