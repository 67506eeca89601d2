package org.caart.audit.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.Dependent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.List;
import javax.sql.DataSource;
import org.caart.contract.agent.v1.CheckResultView;

/**
 * Writes a batch's results as {@code check_result} rows with one multi-row INSERT on the caller's transaction
 * (the container hands out the transaction's own connection), instead of one persisted entity per result: the
 * ingest path's largest cost after JSON. Ids come the way EclipseLink takes them for the entity: one
 * {@code nextval} of {@code check_result_seq} (INCREMENT BY 500) reserves the 500 ids up to it, and a batch holds
 * at most {@link BatchCheck#MAX_RESULTS} results. Texts longer than their column are cut, ending with "…".
 */
@Dependent
public class ResultRows {

    static final int IDS_PER_SEQUENCE_VALUE = 500;
    private static final String INSERT = "INSERT INTO check_result (id, run_id, company_id, check_id, title, status, "
            + "severity, refs, reason, expected, observed, description, rationale, remediation, duration_micros, "
            + "received_at) VALUES ";
    private static final String ROW = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

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
        long id;
        try (PreparedStatement next = connection.prepareStatement("SELECT nextval('check_result_seq')");
                ResultSet value = next.executeQuery()) {
            value.next();
            id = value.getLong(1) - IDS_PER_SEQUENCE_VALUE + 1;
        }
        StringBuilder sql = new StringBuilder(INSERT.length() + results.size() * (ROW.length() + 2)).append(INSERT);
        for (int i = 0; i < results.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append(ROW);
        }
        try (PreparedStatement insert = connection.prepareStatement(sql.toString())) {
            int p = 1;
            for (CheckResultView result : results) {
                insert.setLong(p++, id++);
                insert.setString(p++, runId);
                insert.setLong(p++, companyId);
                insert.setString(p++, result.checkId());
                insert.setString(p++, cut(result.title(), 500));
                insert.setString(p++, result.status().name());
                if (result.severity() == null) {
                    insert.setNull(p++, Types.VARCHAR);
                } else {
                    insert.setString(p++, result.severity().name());
                }
                insert.setString(p++, cut(String.join(", ", result.references()), 1000));
                insert.setString(p++, cut(result.reason(), 2000));
                insert.setString(p++, cut(result.expected(), 4000));
                insert.setString(p++, cut(result.observed(), 4000));
                insert.setString(p++, cut(result.description(), 4000));
                insert.setString(p++, cut(result.rationale(), 4000));
                insert.setString(p++, cut(result.remediation(), 4000));
                insert.setLong(p++, result.durationMicros());
                insert.setObject(p++, receivedAt);
            }
            insert.executeUpdate();
        }
    }

    static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max - 1) + "…";
    }
}
