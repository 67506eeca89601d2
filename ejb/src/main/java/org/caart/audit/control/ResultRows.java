package org.caart.audit.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.Dependent;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javax.sql.DataSource;
import org.caart.contract.agent.v1.CheckResultView;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

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
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSSxxx");

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
        PGConnection postgres = Postgres.of(connection);
        if (!reported) {
            reported = true;
            LOG.log(Level.INFO, "Check results are written with {0} ({1})", postgres != null ? "COPY"
                    : "multi-row INSERT", connection.getMetaData().getDatabaseProductName());
        }
        if (postgres != null) {
            copy(postgres, firstId, runId, companyId, results, receivedAt);
        } else {
            insertRows(connection, firstId, runId, companyId, results, receivedAt);
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

    /**
     * COPY in PostgreSQL's text format: tab between columns, \N for null, backslash escapes in values. The rows are
     * encoded value by value into 64 KiB chunks sent as they fill, never as one copy of the whole batch.
     */
    private static void copy(PGConnection connection, long firstId, String runId, long companyId,
            List<CheckResultView> results, OffsetDateTime receivedAt) throws SQLException {
        CopyIn in = connection.getCopyAPI().copyIn(COPY);
        try {
            CopyRows out = new CopyRows(in::writeToCopy);
            String time = TIMESTAMP.format(receivedAt);
            long id = firstId;
            for (CheckResultView result : results) {
                Object[] values = values(id++, runId, companyId, result, receivedAt);
                for (int i = 0; i < values.length; i++) {
                    if (i > 0) {
                        out.put('\t');
                    }
                    Object value = values[i];
                    if (value == null) {
                        out.put('\\').put('N');
                    } else {
                        out.text(value instanceof OffsetDateTime ? time : value.toString());
                    }
                }
                out.put('\n');
            }
            out.flush();
            in.endCopy();
        } finally {
            if (in.isActive()) {
                in.cancelCopy();
            }
        }
    }

    /** A COPY's data as UTF-8, handed on in chunks of 64 KiB. */
    static final class CopyRows {

        interface Sink {
            void write(byte[] bytes, int offset, int length) throws SQLException;
        }

        private final Sink sink;
        private final byte[] buffer = new byte[64 * 1024];
        private int length;

        CopyRows(Sink sink) {
            this.sink = sink;
        }

        CopyRows put(char ascii) throws SQLException {
            if (length == buffer.length) {
                flush();
            }
            buffer[length++] = (byte) ascii;
            return this;
        }

        /**
         * The value encoded and escaped for the text format (backslash, tab, newline, carriage return). Escaping
         * works on the UTF-8 bytes: a multi-byte character never holds a byte below 0x80. Half a character
         * becomes '?', as {@link String#getBytes} encodes it.
         */
        void text(String value) throws SQLException {
            byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
            int from = 0;
            for (int i = 0; i < bytes.length; i++) {
                char escape = switch (bytes[i]) {
                    case '\\' -> '\\';
                    case '\t' -> 't';
                    case '\n' -> 'n';
                    case '\r' -> 'r';
                    default -> 0;
                };
                if (escape != 0) {
                    write(bytes, from, i - from);
                    put('\\').put(escape);
                    from = i + 1;
                }
            }
            write(bytes, from, bytes.length - from);
        }

        private void write(byte[] bytes, int offset, int count) throws SQLException {
            while (count > 0) {
                if (length == buffer.length) {
                    flush();
                }
                int n = Math.min(count, buffer.length - length);
                System.arraycopy(bytes, offset, buffer, length, n);
                length += n;
                offset += n;
                count -= n;
            }
        }

        void flush() throws SQLException {
            if (length > 0) {
                sink.write(buffer, 0, length);
                length = 0;
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

    /** PostgreSQL's side of a connection, kept apart so a server without the driver falls back to INSERT. */
    private static final class Postgres {

        static PGConnection of(Connection connection) {
            try {
                return connection.isWrapperFor(PGConnection.class) ? connection.unwrap(PGConnection.class) : null;
            } catch (SQLException | LinkageError e) {
                return null;
            }
        }
    }
}
