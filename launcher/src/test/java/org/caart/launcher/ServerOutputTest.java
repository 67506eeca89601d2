package org.caart.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ServerOutputTest {

    @Test
    void fatalLineGivesItsSentence() {
        String line = "[2026-11-21T23:24:22.485+0000] [] [SEVERE] [] [org.caart.platform.SchemaMigration] [tid: 1] "
                + "CAART-FATAL: CAaRT cannot use its database at jdbc:postgresql://db/caart: Connection refused]]";
        assertEquals(Optional.of("CAaRT cannot use its database at jdbc:postgresql://db/caart: Connection refused"),
                ServerOutput.fatalReason(line));
    }

    @Test
    void payaraStartFailureIsFatal() {
        assertTrue(ServerOutput.fatalReason("Failed to start, exiting").isPresent());
        assertFalse(ServerOutput.fatalReason("[x] [INFO] [] [PayaraMicro] ready").isPresent());
    }

    @Test
    void databaseFailureDuringDeploymentIsNamedWithItsCause() {
        ServerOutput output = new ServerOutput(null, null, System.out, "jdbc:postgresql://127.0.0.1:5/caart");
        output.inspect("[2026-11-21T23:34:12.399+0000] [] [SEVERE] [] [org.eclipse.persistence.session./file:x] "
                + "[tid: _ThreadID=1] [timeMillis: 1] [levelValue: 1000] [[");
        output.inspect("Exception [EclipseLink-4002] (Eclipse Persistence Services): DatabaseException");
        output.inspect("Internal Exception: java.sql.SQLException: Error in allocating a connection. Cause: Connection "
                + "could not be allocated because: Connection to 127.0.0.1:5 refused. Check that the hostname is right.");
        output.inspect("]]");
        output.inspect("[2026-11-21T23:34:12.829+0000] [] [INFO] [] [PayaraMicro] [tid: _ThreadID=1] "
                + "[timeMillis: 2] [levelValue: 800] Payara Micro 6.2025.10 (build 42) ready in 39,630 (ms)");
        assertTrue(output.payaraReady());
        assertEquals("CAaRT cannot use its database at jdbc:postgresql://127.0.0.1:5/caart: "
                + "Connection to 127.0.0.1:5 refused", output.deploymentFailure());
    }

    @Test
    void consoleShowsCaartRecordsAndSevereHeadersButNoStackTraces() {
        assertTrue(ServerOutput.shouldShow("[t] [] [INFO] [] [org.caart.account.boundary.OperatorBootstrap] [tid] hi"));
        assertTrue(ServerOutput.shouldShow("[t] [] [SEVERE] [] [jakarta.enterprise] [tid] bad"));
        assertFalse(ServerOutput.shouldShow("[t] [] [INFO] [AS-EJB-00054] [jakarta.enterprise.ejb.container] "
                + "Portable JNDI names for EJB Trail: [java:global/ROOT/Trail!org.caart.trail.boundary.Trail]"));
        assertFalse(ServerOutput.shouldShow("\tat org.caart.platform.SchemaMigration.migrate(SchemaMigration.java:60)"));
    }
}
