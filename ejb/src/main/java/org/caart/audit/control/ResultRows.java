package org.caart.audit.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.Dependent;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.caart.contract.agent.v1.CheckResultView;
import org.caart.platform.PostgresCopy;

/**
 * Writes a batch's results as {@code check_result} rows on the caller's transaction (the container hands out the
 * transaction's own connection), instead of one persisted entity per result: the ingest path's largest cost after
 * JSON. On PostgreSQL the rows go in with one {@code COPY ... FROM STDIN}, elsewhere (H2) with one multi-row
 * INSERT. Each row carries its run's audit ({@code audit_id}: an audit's results page is read in check order
 * from {@code check_result_audit_idx}). Ids come the way EclipseLink takes them for the entity: one {@code nextval} of {@code check_result_seq}
 * (INCREMENT BY 500) reserves the 500 ids up to it, and a batch holds at most {@link org.caart.contract.agent.v1.ResultBatchView#MAX_RESULTS}
 * results. A result's references, description, rationale and remediation are stored once per distinct content
 * in {@code check_text} ({@link CheckTexts}); the row holds their id. Texts longer than their column are cut,
 * ending with "…"; a NUL character, which PostgreSQL cannot store in text, becomes U+FFFD, so such a result is
 * stored rather than failing its whole batch.
 */
@Dependent
public class ResultRows {

    private static final System.Logger LOG = System.getLogger(ResultRows.class.getName());
    static final int IDS_PER_SEQUENCE_VALUE = 500;
    private static volatile boolean reported;
    private static final String COLUMNS = "id, run_id, audit_id, company_id, check_id, title, status, severity, "
            + "text_id, reason, expected, observed, duration_micros, received_at";
    private static final String INSERT = "INSERT INTO check_result (" + COLUMNS + ") VALUES ";
    private static final String ROW = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String COPY = "COPY check_result (" + COLUMNS + ") FROM STDIN";

    @Resource(lookup = "java:app/jdbc/caart")
    DataSource dataSource;

    @Resource
    TransactionSynchronizationRegistry transactions;

    /** Writes the rows on the caller's (JTA) transaction; text ids learned on the way are remembered if it commits. */
    public void insert(String runId, long auditId, long companyId, List<CheckResultView> results,
            OffsetDateTime receivedAt) {
        try (Connection connection = dataSource.getConnection()) {
            insert(connection, runId, auditId, companyId, results, receivedAt, learned ->
                    transactions.registerInterposedSynchronization(new Synchronization() {
                        @Override
                        public void beforeCompletion() {
                        }

                        @Override
                        public void afterCompletion(int status) {
                            if (status == Status.STATUS_COMMITTED) {
                                CheckTexts.remember(learned);
                            }
                        }
                    }));
        } catch (SQLException e) {
            throw new IllegalStateException("Could not store the results of run " + runId + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes the rows on the connection; {@code onCommit} receives the text ids this batch looked up (when there
     * are any), to hand to {@link CheckTexts#remember} once the connection's transaction has committed.
     */
    static void insert(Connection connection, String runId, long auditId, long companyId,
            List<CheckResultView> results, OffsetDateTime receivedAt, Consumer<Map<CheckTexts.Key, Long>> onCommit)
            throws SQLException {
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
        List<CheckTexts.Key> keys = new ArrayList<>(results.size());
        for (CheckResultView result : results) {
            keys.add(new CheckTexts.Key(text(String.join(", ", result.references()), 1000),
                    text(result.description(), 4000), text(result.rationale(), 4000),
                    text(result.remediation(), 4000)));
        }
        Map<CheckTexts.Key, Long> learned = new HashMap<>();
        long[] textIds = CheckTexts.ids(connection, keys, learned);
        boolean copied = copied(connection, firstId, runId, auditId, companyId, results, textIds, receivedAt);
        if (!copied) {
            insertRows(connection, firstId, runId, auditId, companyId, results, textIds, receivedAt);
        }
        if (!learned.isEmpty()) {
            onCommit.accept(learned);
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
    private static boolean copied(Connection connection, long firstId, String runId, long auditId, long companyId,
            List<CheckResultView> results, long[] textIds, OffsetDateTime receivedAt) throws SQLException {
        List<Object[]> rows = new ArrayList<>(results.size());
        for (int i = 0; i < results.size(); i++) {
            rows.add(values(firstId + i, runId, auditId, companyId, results.get(i), textIds[i], receivedAt));
        }
        try {
            return PostgresCopy.copy(connection, COPY, rows);
        } catch (NoClassDefFoundError e) {
            return false; // no PostgreSQL driver here, so not a PostgreSQL connection either
        }
    }

    /** The result's 14 column values in {@link #COLUMNS} order (texts cut and cleaned; nulls where absent). */
    private static Object[] values(long id, String runId, long auditId, long companyId, CheckResultView result,
            long textId, OffsetDateTime receivedAt) {
        return new Object[] {id, runId, auditId, companyId, text(result.checkId(), 120), text(result.title(), 500),
            result.status().name(), result.severity() == null ? null : result.severity().name(), textId,
            text(result.reason(), 2000), text(result.expected(), 4000), text(result.observed(), 4000),
            result.durationMicros(), receivedAt};
    }

    private static void insertRows(Connection connection, long firstId, String runId, long auditId, long companyId,
            List<CheckResultView> results, long[] textIds, OffsetDateTime receivedAt) throws SQLException {
        StringBuilder sql = new StringBuilder(INSERT.length() + results.size() * (ROW.length() + 2)).append(INSERT);
        for (int i = 0; i < results.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append(ROW);
        }
        try (PreparedStatement insert = connection.prepareStatement(sql.toString())) {
            int p = 1;
            for (int i = 0; i < results.size(); i++) {
                for (Object value : values(firstId + i, runId, auditId, companyId, results.get(i), textIds[i],
                        receivedAt)) {
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

    /**
     * Writes rows already shaped as {@code check_result} values in {@link #COLUMNS} order (an imported archive's):
     * COPY on PostgreSQL, multi-row INSERTs of {@link #IDS_PER_SEQUENCE_VALUE} elsewhere.
     */
    static void insertValues(Connection connection, List<Object[]> rows) throws SQLException {
        boolean copied;
        try {
            copied = PostgresCopy.copy(connection, COPY, rows);
        } catch (NoClassDefFoundError e) {
            copied = false;
        }
        for (int from = 0; !copied && from < rows.size(); from += IDS_PER_SEQUENCE_VALUE) {
            List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + IDS_PER_SEQUENCE_VALUE));
            StringBuilder sql = new StringBuilder(INSERT);
            for (int i = 0; i < chunk.size(); i++) {
                sql.append(i == 0 ? "" : ", ").append(ROW);
            }
            try (PreparedStatement insert = connection.prepareStatement(sql.toString())) {
                int p = 1;
                for (Object[] values : chunk) {
                    for (Object value : values) {
                        if (value == null) {
                            insert.setNull(p++, Types.NULL);
                        } else {
                            insert.setObject(p++, value);
                        }
                    }
                }
                insert.executeUpdate();
            }
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
