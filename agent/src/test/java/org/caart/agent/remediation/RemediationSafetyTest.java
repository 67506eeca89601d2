package org.caart.agent.remediation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.caart.contract.agent.v1.RemediationAction;
import org.caart.contract.agent.v1.RemediationItemState;
import org.caart.contract.agent.v1.RemediationOrderView;
import org.caart.contract.agent.v1.RemediationReportView;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** Refusals, the journal's guarantees and recovery of an order the agent was stopped in. */
@EnabledOnOs(OS.LINUX)
class RemediationSafetyTest {

    @TempDir
    Path root;
    @TempDir
    Path state;

    private FixtureTree tree;

    @BeforeEach
    void fixture() throws Exception {
        tree = new FixtureTree(root)
                .file("/proc/sys/net/ipv4/ip_forward", "1\n", 0644)
                .file("/proc/sys/net/ipv4/conf/all/log_martians", "0\n", 0644)
                .file("/etc/passwd", "root:x:0:0:root:/root:/bin/bash\n", 0666);
    }

    private RemediationOrderView apply(String... checks) {
        return Orders.of(RemediationAction.APPLY, null, LinuxFixesTest.POLICY, checks);
    }

    @Test
    void aHostWithoutAllowRemediationRefusesTheOrderAndChangesNothing() throws Exception {
        Map<String, String> before = tree.picture();
        Remediator remediator = new Remediators(state).settings(RemediationSettings.defaults()).build();

        RemediationReportView report = remediator.execute(apply("forward", "passwd"), root.toString(), "test");

        assertTrue(report.finished());
        assertFalse(report.remediationAllowed());
        report.items().forEach(i -> assertEquals(RemediationItemState.REFUSED, i.state()));
        assertTrue(report.message().contains("allow-remediation=true"));
        assertEquals(before, tree.picture());
    }

    @Test
    void aPlanIsAllowedWithoutAllowRemediation() throws Exception {
        Remediator remediator = new Remediators(state).settings(RemediationSettings.defaults()
                .withUploadedPolicies(true)).build();

        RemediationReportView plan = remediator.execute(Orders.of(RemediationAction.PLAN, null, LinuxFixesTest.POLICY,
                "forward"), root.toString(), "test");

        assertEquals(RemediationItemState.PLANNED, Orders.state(plan, "forward"));
        assertFalse(plan.remediationAllowed());
    }

    @Test
    void checksOfUploadedPoliciesAreManualUnlessTheHostAllowsFixingThem() throws Exception {
        Map<String, String> before = tree.picture();
        Remediator remediator = new Remediators(state).settings(Remediators.ALLOWED.withUploadedPolicies(false))
                .build();

        RemediationReportView report = remediator.execute(apply("forward"), root.toString(), "test");

        assertEquals(RemediationItemState.MANUAL, Orders.state(report, "forward"));
        assertTrue(Orders.item(report, "forward").message().contains("remediation-uploaded-policies=false"));
        assertEquals(before, tree.picture());
    }

    @Test
    void anUnknownCheckIdRefusesTheWholeOrder() throws Exception {
        Map<String, String> before = tree.picture();

        RemediationReportView report = new Remediators(state).build().execute(apply("forward", "no-such-check"),
                root.toString(), "test");

        report.items().forEach(i -> assertEquals(RemediationItemState.REFUSED, i.state()));
        assertTrue(report.message().contains("no check 'no-such-check'"), report.message());
        assertEquals(before, tree.picture());
    }

    @Test
    void anOrderIdIsCarriedOutOnce() throws Exception {
        Remediator remediator = new Remediators(state).build();
        RemediationOrderView order = apply("forward");
        remediator.execute(order, root.toString(), "test");
        tree.file("/proc/sys/net/ipv4/ip_forward", "1\n", 0644);

        RemediationReportView again = remediator.execute(order, root.toString(), "test");

        assertEquals(RemediationItemState.FIXED, Orders.state(again, "forward"));
        assertEquals("1\n", tree.read("/proc/sys/net/ipv4/ip_forward"));
    }

    @Test
    void theJournalIsPrivateAndHoldsTheBeforeValueAheadOfTheChange() throws Exception {
        Remediators remediators = new Remediators(state);
        remediators.build().execute(apply("forward"), root.toString(), "test");

        Path journal = state.resolve(Journal.FILE);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(journal)));
        List<String> types = remediators.journal.read().stream().map(e -> e.type() + (e.item() == null ? ""
                : ":" + e.item().state())).toList();
        assertEquals(List.of("ORDER", "BEFORE", "ITEM:APPLYING", "ITEM:FIXED", "END"), types);
        JournalEntry before = remediators.journal.read().get(1);
        assertEquals(List.of("file", "sysctl"), before.before().stream().map(Saved::kind).toList());
        assertEquals("1\n", before.before().get(1).value());
        assertFalse(before.before().get(0).present());
    }

    @Test
    void anInterruptedOrderIsResumedAfterARestart() throws Exception {
        Map<String, String> original = tree.picture();
        RemediationOrderView order = apply("forward", "martians", "passwd");
        stopDuringSecondItem(order);
        assertEquals("1\n", tree.read("/proc/sys/net/ipv4/conf/all/log_martians"));

        Remediators restarted = new Remediators(state);
        List<RemediationReportView> recovered = restarted.build().recover();

        assertEquals(1, recovered.size());
        recovered.get(0).items().forEach(i -> assertEquals(RemediationItemState.FIXED, i.state(), i::toString));
        assertTrue(recovered.get(0).finished());
        assertEquals("1\n", tree.read("/proc/sys/net/ipv4/conf/all/log_martians"));
        assertEquals(0644, tree.mode("/etc/passwd"));
        restarted.build().execute(Orders.of(RemediationAction.ROLLBACK, order.orderId(), LinuxFixesTest.POLICY,
                "forward", "martians", "passwd"), root.toString(), "test");
        assertEquals(original, tree.picture());
    }

    @Test
    void anInterruptedOrderIsRolledBackWhenTheHostSaysSo() throws Exception {
        Map<String, String> original = tree.picture();
        RemediationOrderView order = apply("forward", "martians", "passwd");
        stopDuringSecondItem(order);

        List<RemediationReportView> recovered = new Remediators(state).settings(Remediators.ALLOWED
                .withOnRestart(RemediationSettings.OnRestart.ROLLBACK)).build().recover();

        assertEquals(RemediationItemState.ROLLED_BACK, Orders.state(recovered.get(0), "forward"));
        assertEquals(RemediationItemState.ROLLED_BACK, Orders.state(recovered.get(0), "martians"));
        assertEquals(RemediationItemState.FAILED, Orders.state(recovered.get(0), "passwd"));
        assertEquals(original, tree.picture());
    }

    /** Applies the order with a settle time that "kills" the agent while the second item waits for its re-check. */
    private void stopDuringSecondItem(RemediationOrderView order) {
        int[] pauses = {0};
        Remediator dying = new Remediators(state).settings(Remediators.ALLOWED.withSettle(Duration.ofSeconds(1)))
                .pause(d -> {
                    if (++pauses[0] == 2) {
                        throw new AgentKilled();
                    }
                }).build();
        assertThrows(AgentKilled.class, () -> dying.execute(order, root.toString(), "test"));
    }

    /** Stands for the agent process dying: nothing after it runs. */
    private static final class AgentKilled extends RuntimeException {
    }
}
