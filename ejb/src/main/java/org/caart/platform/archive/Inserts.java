package org.caart.platform.archive;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;

/** One INSERT (the owner's own SQL) run for many rows, sent to the database 500 at a time. */
public final class Inserts implements AutoCloseable {

    private static final int BATCH = 500;
    private final PreparedStatement statement;
    private int pending;

    public Inserts(Connection connection, String sql) throws SQLException {
        this.statement = connection.prepareStatement(sql);
    }

    public void add(Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                statement.setNull(i + 1, Types.NULL);
            } else {
                statement.setObject(i + 1, values[i]);
            }
        }
        statement.addBatch();
        if (++pending == BATCH) {
            flush();
        }
    }

    private void flush() throws SQLException {
        if (pending > 0) {
            statement.executeBatch();
            pending = 0;
        }
    }

    @Override
    public void close() throws SQLException {
        try {
            flush();
        } finally {
            statement.close();
        }
    }
}
