package org.caart.platform.archive;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The writing side of a company archive: each file is one zip entry of JSON lines (one object per row, the
 * columns by name), streamed as the rows are read, with its SHA-256, row count and size kept for the manifest.
 * Values: numbers, booleans, strings; times as ISO-8601 with offset, dates as ISO dates.
 */
public final class ArchiveOut {

    /** A file's path: {@code <part>/<file>.jsonl}, lower case. */
    public static final Pattern FILE = Pattern.compile("[a-z][a-z_]{0,39}/[a-z][a-z_]{0,59}\\.jsonl");
    private static final JsonFactory JSON = new JsonFactory();
    private static final int FETCH = 1000;

    private final ZipOutputStream zip;
    private final Connection connection;
    private final List<FileEntry> files = new ArrayList<>();
    private String part;

    /**
     * {@code connection}: the export's own read transaction (REPEATABLE READ, so every part reads the same
     * snapshot: a result never refers to a run the archive lacks).
     */
    public ArchiveOut(ZipOutputStream zip, Connection connection) {
        this.zip = zip;
        this.connection = connection;
    }

    /** The part now writing (set by the orchestrator before each {@link CompanyPart#export}). */
    public void startPart(String name) {
        this.part = name;
    }

    /** The files written so far, for the manifest. */
    public List<FileEntry> files() {
        return List.copyOf(files);
    }

    /** Writes the query's rows, by column name, to {@code <part>/<file>.jsonl}; returns the row count. */
    public long rows(String file, String sql, Object... parameters) {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setFetchSize(FETCH);
            for (int i = 0; i < parameters.length; i++) {
                query.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = query.executeQuery(); RowSink sink = open(file)) {
                ResultSetMetaData meta = rows.getMetaData();
                int columns = meta.getColumnCount();
                String[] names = new String[columns];
                int[] types = new int[columns];
                for (int c = 0; c < columns; c++) {
                    names[c] = meta.getColumnLabel(c + 1).toLowerCase(java.util.Locale.ROOT);
                    types[c] = meta.getColumnType(c + 1);
                }
                while (rows.next()) {
                    sink.json.writeStartObject();
                    for (int c = 0; c < columns; c++) {
                        sink.json.writeFieldName(names[c]);
                        write(sink.json, rows, c + 1, types[c]);
                    }
                    sink.endRow();
                }
                return sink.rows;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not export " + part + "/" + file + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes rows built elsewhere (values: null, String, Number, Boolean, times and dates). */
    public long rows(String file, Iterable<Map<String, Object>> values) {
        try (RowSink sink = open(file)) {
            for (Map<String, Object> row : values) {
                sink.json.writeStartObject();
                for (Map.Entry<String, Object> column : row.entrySet()) {
                    sink.json.writeFieldName(column.getKey());
                    Object value = column.getValue();
                    if (value == null) {
                        sink.json.writeNull();
                    } else if (value instanceof Boolean flag) {
                        sink.json.writeBoolean(flag);
                    } else if (value instanceof Long || value instanceof Integer) {
                        sink.json.writeNumber(((Number) value).longValue());
                    } else {
                        sink.json.writeString(value.toString());
                    }
                }
                sink.endRow();
            }
            return sink.rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(JsonGenerator json, ResultSet rows, int column, int type) throws SQLException,
            IOException {
        switch (type) {
            case Types.BIGINT, Types.INTEGER, Types.SMALLINT, Types.TINYINT -> {
                long value = rows.getLong(column);
                if (rows.wasNull()) {
                    json.writeNull();
                } else {
                    json.writeNumber(value);
                }
            }
            case Types.BOOLEAN, Types.BIT -> {
                boolean value = rows.getBoolean(column);
                if (rows.wasNull()) {
                    json.writeNull();
                } else {
                    json.writeBoolean(value);
                }
            }
            case Types.TIMESTAMP_WITH_TIMEZONE, Types.TIMESTAMP -> {
                OffsetDateTime value = time(rows, column);
                if (value == null) {
                    json.writeNull();
                } else {
                    json.writeString(value.toString());
                }
            }
            case Types.DATE -> {
                LocalDate value = rows.getObject(column, LocalDate.class);
                if (value == null) {
                    json.writeNull();
                } else {
                    json.writeString(value.toString());
                }
            }
            default -> {
                String value = rows.getString(column);
                if (value == null) {
                    json.writeNull();
                } else {
                    json.writeString(value);
                }
            }
        }
    }

    /** A time with its offset; a driver that will not convert gives the instant, in UTC. */
    private static OffsetDateTime time(ResultSet rows, int column) throws SQLException {
        try {
            return rows.getObject(column, OffsetDateTime.class);
        } catch (SQLException e) {
            java.sql.Timestamp at = rows.getTimestamp(column);
            return at == null ? null : at.toInstant().atOffset(java.time.ZoneOffset.UTC);
        }
    }

    private RowSink open(String file) throws IOException {
        String path = part + "/" + file + ".jsonl";
        if (!FILE.matcher(path).matches()) {
            throw new IllegalArgumentException("Not an archive file name: " + path);
        }
        zip.putNextEntry(new ZipEntry(path));
        return new RowSink(path);
    }

    /** One file being written: JSON through a digest and a counter into the current zip entry. */
    private final class RowSink implements AutoCloseable {

        final String path;
        final MessageDigest sha;
        final Counting counted;
        final JsonGenerator json;
        long rows;

        RowSink(String path) throws IOException {
            this.path = path;
            this.sha = sha256();
            this.counted = new Counting(new DigestOutputStream(new Unclosed(zip), sha));
            this.json = JSON.createGenerator(counted, JsonEncoding.UTF8);
            this.json.setRootValueSeparator(null);
        }

        void endRow() throws IOException {
            json.writeEndObject();
            json.writeRaw('\n');
            rows++;
        }

        @Override
        public void close() throws IOException {
            json.flush();
            json.close();
            zip.closeEntry();
            files.add(new FileEntry(path, HexFormat.of().formatHex(sha.digest()), counted.count, rows));
        }
    }

    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** A written file as the manifest lists it. */
    public record FileEntry(String path, String sha256, long bytes, long rows) {
    }

    private static final class Counting extends FilterOutputStream {

        long count;

        Counting(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }

    /** Keeps the zip open when a file's writer closes. */
    private static final class Unclosed extends FilterOutputStream {

        Unclosed(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
