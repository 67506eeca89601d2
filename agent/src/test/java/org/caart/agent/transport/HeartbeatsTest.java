package org.caart.agent.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.caart.agent.Version;
import org.caart.agent.config.AgentIdentity;
import org.caart.agent.platform.common.FakePlatform;
import org.caart.agent.platform.common.LastPatch;
import org.caart.agent.platform.common.RegistryValue;
import org.caart.agent.transport.FakeServer.Reply;
import org.caart.contract.agent.v1.HeartbeatRequest;
import org.caart.contract.agent.v1.HostView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HeartbeatsTest {

    @TempDir
    Path state;

    private final FakeServer server = FakeServer.start();

    @AfterEach
    void stop() {
        server.close();
    }

    /** A clock the test moves. */
    static final class TestClock extends Clock {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void aHeartbeatCarriesTheHostItsPatchDateAndTheSpool() throws Exception {
        Spool spool = new Spool(state.resolve("spool"), 1);
        spool.add(SpoolTest.batch("r", 0));
        spool.add(SpoolTest.batch("r", 1));
        FakePlatform platform = FakePlatform.linux().sysctl("kernel.osrelease", "6.1.0-26-amd64")
                .lastPatch(new LastPatch(LocalDate.of(2025, 11, 10), "apt history"));
        ServerClient client = ServerClient.of(new AgentIdentity(server.uri().toString(), null, "a", "s", 1, "A", 25));
        new Heartbeats(client, spool, new HostViews(platform, Clock.systemUTC())).beat();
        HeartbeatRequest sent = server.bodies("heartbeat", HeartbeatRequest.class).get(0);
        assertEquals(new HostView("fake-host", "Debian GNU/Linux 12 (fake)", "LINUX", "12", "6.1.0-26-amd64",
                Version.current(), "2025-11-10", "apt history"), sent.host());
        assertEquals(1, sent.droppedBatches());
        assertEquals(1, sent.spooledBatches());
        assertEquals(0, spool.dropped());
    }

    @Test
    void droppedBatchesStayCountedUntilAHeartbeatIsAcknowledged() throws IOException {
        Spool spool = new Spool(state.resolve("spool"), 1);
        spool.add(SpoolTest.batch("r", 0));
        spool.add(SpoolTest.batch("r", 1));
        server.script("heartbeat", Reply.problem(503, "about:blank", "down"));
        ServerClient client = ServerClient.of(new AgentIdentity(server.uri().toString(), null, "a", "s", 1, "A", 25));
        Heartbeats heartbeats = new Heartbeats(client, spool, new HostViews(FakePlatform.linux(), Clock.systemUTC()));
        assertThrows(ServerUnavailableException.class, heartbeats::beat);
        assertEquals(1, spool.dropped());
    }

    @Test
    void thePatchDateIsReadAtMostOnceAnHour() {
        FakePlatform platform = FakePlatform.linux().lastPatch(new LastPatch(LocalDate.of(2025, 11, 10), "dpkg.log"));
        TestClock clock = new TestClock();
        HostViews views = new HostViews(platform, clock);
        assertEquals("2025-11-10", views.current().lastPatchDate());
        platform.lastPatch(new LastPatch(LocalDate.of(2025, 11, 20), "dpkg.log"));
        clock.now = clock.now.plus(HostViews.PATCH_READ_INTERVAL).minusSeconds(1);
        assertEquals("2025-11-10", views.current().lastPatchDate());
        clock.now = clock.now.plusSeconds(1);
        assertEquals("2025-11-20", views.current().lastPatchDate());
    }

    @Test
    void aPatchDateThatCannotBeReadIsSentAsUnknown() {
        HostView view = new HostViews(FakePlatform.linux().failing("lastPatch", "permission denied"), Clock.systemUTC())
                .current();
        assertNull(view.lastPatchDate());
        assertNull(view.patchSource());
    }

    @Test
    void windowsReportsItsBuildWithTheUpdateRevision() {
        String key = "HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion";
        FakePlatform windows = FakePlatform.windows().registryValue(key, "CurrentBuild", RegistryValue.string("20348"))
                .registryValue(key, "UBR", RegistryValue.dword(2849));
        HostView view = new HostViews(windows, Clock.systemUTC()).current();
        assertEquals("WINDOWS", view.osFamily());
        assertEquals("20348.2849", view.osBuild());
    }
}
