package org.caart.platform;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Rows sent with PostgreSQL's {@code COPY ... FROM STDIN} in its text format: tab between columns, \N for null,
 * backslash escapes in values. The rows are encoded value by value into 64 KiB chunks sent as they fill, never as
 * one copy of the whole batch. The only class that names the PostgreSQL driver's types: where the driver is not
 * visible (an EAR on a server whose data source is another database) its callers must still load, so they call it
 * inside {@code try/catch (NoClassDefFoundError)} (the result rows of audit, the trail).
 */
public final class PostgresCopy {

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSSxxx");

    private PostgresCopy() {
    }

    /** Whether the connection is PostgreSQL's (throws NoClassDefFoundError where the driver is not visible). */
    public static boolean isPostgres(Connection connection) throws SQLException {
        return connection.isWrapperFor(PGConnection.class);
    }

    /** Sends the rows (values: null, {@link OffsetDateTime}, or anything whose toString is the value); false when
     * the connection is not PostgreSQL's, and nothing was sent. */
    public static boolean copy(Connection connection, String sql, List<Object[]> rows) throws SQLException {
        if (!connection.isWrapperFor(PGConnection.class)) {
            return false;
        }
        CopyIn in = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
        try {
            CopyRows out = new CopyRows(in::writeToCopy);
            for (Object[] values : rows) {
                for (int i = 0; i < values.length; i++) {
                    if (i > 0) {
                        out.put('\t');
                    }
                    Object value = values[i];
                    if (value == null) {
                        out.put('\\').put('N');
                    } else {
                        out.text(value instanceof OffsetDateTime time ? TIMESTAMP.format(time) : value.toString());
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
        return true;
    }

    /** A COPY's data as UTF-8, handed on in chunks of 64 KiB. */
    public static final class CopyRows {

        public interface Sink {
            void write(byte[] bytes, int offset, int length) throws SQLException;
        }

        private final Sink sink;
        private final byte[] buffer = new byte[64 * 1024];
        private int length;

        public CopyRows(Sink sink) {
            this.sink = sink;
        }

        public CopyRows put(char ascii) throws SQLException {
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
        public void text(String value) throws SQLException {
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

        public void flush() throws SQLException {
            if (length > 0) {
                sink.write(buffer, 0, length);
                length = 0;
            }
        }
    }
}
