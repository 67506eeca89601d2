package org.caart.audit.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.Dependent;
import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.caart.contract.agent.v1.CheckResultView;

/**
 * Writes a batch's results as {@code check_result} rows on the caller's transaction (the container hands out the
 * transaction's own connection), instead of one persisted entity per result: the ingest path's largest cost after
 * JSON. On PostgreSQL the rows go in with one {@code COPY ... FROM STDIN}, elsewhere (H2) with one multi-row
 * INSERT. Ids come the way EclipseLink takes them for the entity: one {@code nextval} of {@code check_result_seq}
 * (INCREMENT BY 500) reserves the 500 ids up to it, and a batch holds at most {@link BatchCheck#MAX_RESULTS}
 * results. Texts longer than their column are cut, ending with "…"; a NUL character, which PostgreSQL cannot
 * store in text, becomes U+FFFD, so such a result is stored rather than failing its whole batch.
 */
@Dependent
public class ResultRows {

    private static final System.Logger LOG = System.getLogger(ResultRows.class.getName());
    static final int IDS_PER_SEQUENCE_VALUE = 500;
    private static volatile boolean reported;
    private static final String COLUMNS = "id, run_id, company_id, check_id, title, status, severity, refs, reason, "
            + "expected, observed, description, rationale, remediation, duration_micros, received_at";
    private static final String INSERT = "INSERT INTO check_result (" + COLUMNS + ") VALUES ";
    private static final String ROW = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String COPY = "COPY check_result (" + COLUMNS + ") FROM STDIN";

    @Resource(lookup = "java:app/jdbc/caart")
    DataSource dataSource;

    public void insert(String runId, long companyId, List<CheckResultView> results, OffsetDateTime receivedAt) {
        try (Connection connection = dataSource.getConnection()) {
            insert(connection, runId, companyId, results, receivedAt);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not store the results of run " + runId + ": " + e.getMessage(), e);
        }
    }

    static void insert(Connection connection, String runId, long companyId, List<CheckResultView> results,
            OffsetDateTime receivedAt) throws SQLException {
        if (results.isEmpty()) {
            return;
        }
        if (results.size() > IDS_PER_SEQUENCE_VALUE) {
            throw new IllegalArgumentException("At most " + IDS_PER_SEQUENCE_VALUE + " results per batch");
        }
        long firstId;
        try (PreparedStatement next = connection.prepareStatement("SELECT nextval('check_result_seq')");
                ResultSet value = next.executeQuery()) {
            value.next();
            firstId = value.getLong(1) - IDS_PER_SEQUENCE_VALUE + 1;
        }
        boolean copied = copied(connection, firstId, runId, companyId, results, receivedAt);
        if (!copied) {
            insertRows(connection, firstId, runId, companyId, results, receivedAt);
        }
        if (!reported) {
            reported = true;
            LOG.log(Level.INFO, "Check results are written with {0} ({1})", copied ? "COPY" : "multi-row INSERT",
                    connection.getMetaData().getDatabaseProductName());
        }
    }

    /**
     * COPY when the connection is PostgreSQL's. The driver's types stay in {@link PostgresCopy}: where the driver is
     * not visible (an EAR on a server whose data source is another database) this class must still load, and
     * CDI reads its methods' signatures.
     */
    private static boolean copied(Connection connection, long firstId, String runId, long companyId,
            List<CheckResultView> results, OffsetDateTime receivedAt) throws SQLException {
        List<Object[]> rows = new ArrayList<>(results.size());
        long id = firstId;
        for (CheckResultView result : results) {
            rows.add(values(id++, runId, companyId, result, receivedAt));
        }
        try {
            return PostgresCopy.copy(connection, COPY, rows);
        } catch (NoClassDefFoundError e) {
            return false; // no PostgreSQL driver here, so not a PostgreSQL connection either
        }
    }

    /** The result's 16 column values in {@link #COLUMNS} order (texts cut and cleaned; nulls where absent). */
    private static Object[] values(long id, String runId, long companyId, CheckResultView result,
            OffsetDateTime receivedAt) {
        return new Object[] {id, runId, companyId, text(result.checkId(), 120), text(result.title(), 500),
            result.status().name(), result.severity() == null ? null : result.severity().name(),
            text(String.join(", ", result.references()), 1000), text(result.reason(), 2000),
            text(result.expected(), 4000), text(result.observed(), 4000), text(result.description(), 4000),
            text(result.rationale(), 4000), text(result.remediation(), 4000), result.durationMicros(), receivedAt};
    }

    private static void insertRows(Connection connection, long firstId, String runId, long companyId,
            List<CheckResultView> results, OffsetDateTime receivedAt) throws SQLException {
        StringBuilder sql = new StringBuilder(INSERT.length() + results.size() * (ROW.length() + 2)).append(INSERT);
        for (int i = 0; i < results.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append(ROW);
        }
        try (PreparedStatement insert = connection.prepareStatement(sql.toString())) {
            int p = 1;
            long id = firstId;
            for (CheckResultView result : results) {
                for (Object value : values(id++, runId, companyId, result, receivedAt)) {
                    if (value == null) {
                        insert.setNull(p++, Types.VARCHAR);
                    } else {
                        insert.setObject(p++, value);
                    }
                }
            }
            insert.executeUpdate();
        }
    }

    /** The text as its column can hold it: null stays null, NUL becomes U+FFFD, over-long ends in "…". */
    static String text(String value, int max) {
        if (value == null) {
            return null;
        }
        String clean = value.indexOf('\0') < 0 ? value : value.replace('\0', '\uFFFD');
        if (clean.length() <= max) {
            return clean;
        }
        int end = max - 1;
        if (Character.isHighSurrogate(clean.charAt(end - 1))) {
            end--; // never leave half a character before the ellipsis
        }
        return clean.substring(0, end) + "…";
    }
}
