package org.caart.platform.archive;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * New ids for imported rows, taken from the table's sequence the way EclipseLink takes them: one {@code nextval}
 * (INCREMENT BY {@code increment}) reserves the {@code increment} ids up to the value, so rows the application
 * persists later never collide with imported ones. The owner passes its own {@code SELECT nextval('<table>_seq')}.
 */
public final class Sequence {

    private final String nextval;
    private final int increment;
    private long next;
    private long last = -1;

    public Sequence(String nextval, int increment) {
        this.nextval = nextval;
        this.increment = increment;
    }

    public long next(Connection connection) throws SQLException {
        if (next > last) {
            try (PreparedStatement query = connection.prepareStatement(nextval);
                    ResultSet value = query.executeQuery()) {
                value.next();
                last = value.getLong(1);
                next = last - increment + 1;
            }
        }
        return next++;
    }
}
