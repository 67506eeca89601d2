package org.caart.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.ConnectException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class SchemaMigrationTest {

    @Test
    void passwordsInUrlsAreRedacted() {
        assertEquals("jdbc:postgresql://db/caart?user=caart&password=***&ssl=true",
                SchemaMigration.redact("jdbc:postgresql://db/caart?user=caart&password=s3cret&ssl=true"));
    }

    @Test
    void theRootCauseGivesTheSentence() {
        Exception e = new IllegalStateException("Unable to obtain connection",
                new SQLException("Connection to 127.0.0.1:1 refused", new ConnectException("Connection refused")));
        assertEquals("Connection refused", SchemaMigration.rootMessage(e));
    }
}
