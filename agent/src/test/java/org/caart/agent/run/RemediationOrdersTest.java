package org.caart.agent.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.caart.agent.ExitCode;
import org.caart.agent.config.AgentIdentity;
import org.caart.agent.platform.RemediationHosts;
import org.caart.agent.platform.common.FakePlatform;
import org.caart.agent.remediation.CatalogEntries;
import org.caart.agent.remediation.Journal;
import org.caart.agent.remediation.RemediationSettings;
import org.caart.agent.remediation.Remediator;
import org.caart.agent.transport.Backoff;
import org.caart.agent.transport.FakeServer;
import org.caart.agent.transport.FakeServer.Reply;
import org.caart.agent.transport.Spool;
import org.caart.contract.agent.v1.OrdersView;
import org.caart.contract.agent.v1.RemediationAction;
import org.caart.contract.agent.v1.RemediationItemOrder;
import org.caart.contract.agent.v1.RemediationItemState;
import org.caart.contract.agent.v1.RemediationOrderView;
import org.caart.contract.agent.v1.RemediationPolicyView;
import org.caart.contract.agent.v1.RemediationReceipt;
import org.caart.contract.agent.v1.RemediationReportView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** Remediation orders arriving with the order long-poll of {@code caart-agent run}, reported back to the server. */
@EnabledOnOs(OS.LINUX)
class RemediationOrdersTest {

    private static final String POLICY = """
            caart-policy: 1
            id: run-fixture
            name: Run fixture
            os: linux
            checks:
              - {id: forward, title: t, severity: low, check: {type: sysctl, key: net.ipv4.ip_forward, value: 0}}
            """;

    @TempDir
    Path dir;

    private final FakeServer server = FakeServer.start();
    private Path root;

    @BeforeEach
    void fixture() throws IOException {
        root = dir.resolve("root");
        Files.createDirectories(root.resolve("proc/sys/net/ipv4"));
        Files.writeString(root.resolve("proc/sys/net/ipv4/ip_forward"), "1\n");
        server.always("remediation-reports", r -> Reply.json(202,
                new RemediationReceipt(r.body(RemediationReportView.class).reportId())));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private ExitCode runOnce(RemediationSettings settings, RemediationOrderView order) throws IOException {
        server.script("orders", Reply.json(200, new OrdersView(List.of(), List.of(), List.of(order))));
        AgentIdentity identity = new AgentIdentity(server.uri().toString(), null, "ag-1", "secret", 1, "Acme", 5);
        Journal journal = new Journal(dir.resolve("state"));
        Agent agent = new Agent(identity, false, new Spool(dir.resolve("spool"), 10), FakePlatform::linux,
                new Backoff(Duration.ofMillis(10), Duration.ofMillis(50)),
                reports -> new Remediator(journal, r -> RemediationHosts.forRoot(root.toString()), settings,
                        timeout -> true, Clock.systemUTC(), d -> { }, reports, CatalogEntries.builtin()));
        return agent.run(true);
    }

    private static RemediationOrderView order(String id, RemediationAction action) {
        return new RemediationOrderView(id, action, null, List.of(new RemediationItemOrder("i1", "forward",
                "upload:7")), List.of(new RemediationPolicyView("upload:7", "Run fixture", "CAART", POLICY)));
    }

    private List<RemediationReportView> reports() {
        return server.bodies("remediation-reports", RemediationReportView.class);
    }

    /** The reports as the server keeps them: a resend (same report id, e.g. after a slow answer) counts once. */
    private List<RemediationReportView> distinctReports() {
        Set<String> seen = new HashSet<>();
        return reports().stream().filter(r -> seen.add(r.reportId())).toList();
    }

    @Test
    void anOrderFromTheServerIsAppliedAndEveryStepReported() throws IOException {
        RemediationSettings allowed = RemediationSettings.defaults().withDeadMan(Duration.ofSeconds(5));
        allowed = new RemediationSettings(true, false, allowed.deadMan(), Duration.ZERO,
                RemediationSettings.OnRestart.RESUME, true);

        assertEquals(ExitCode.OK, runOnce(allowed, order("o-1", RemediationAction.APPLY)));

        List<RemediationReportView> reports = distinctReports();
        assertEquals(List.of(RemediationItemState.QUEUED, RemediationItemState.APPLYING, RemediationItemState.FIXED,
                RemediationItemState.FIXED), reports.stream().map(r -> r.items().get(0).state()).toList());
        assertTrue(reports.get(reports.size() - 1).finished());
        assertEquals("0\n", Files.readString(root.resolve("proc/sys/net/ipv4/ip_forward")));

        assertEquals(ExitCode.OK, runOnce(allowed, order("o-1", RemediationAction.APPLY)));
        RemediationReportView repeat = distinctReports().get(distinctReports().size() - 1);
        assertEquals(RemediationItemState.FIXED, repeat.items().get(0).state());
        assertEquals(5, distinctReports().size(), "the repeated order is answered with one report, nothing redone");
    }

    @Test
    void aHostWithoutAllowRemediationReportsTheOrderRefused() throws IOException {
        assertEquals(ExitCode.OK, runOnce(RemediationSettings.defaults(), order("o-2", RemediationAction.APPLY)));

        RemediationReportView last = reports().get(reports().size() - 1);
        assertEquals(RemediationItemState.REFUSED, last.items().get(0).state());
        assertTrue(last.finished());
        assertEquals("1\n", Files.readString(root.resolve("proc/sys/net/ipv4/ip_forward")));
    }
}
