package org.caart.agent.remediation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.caart.agent.check.Check;
import org.caart.agent.check.PolicyCatalog;
import org.caart.agent.platform.RemediationHosts;
import org.caart.agent.platform.common.ServiceStartType;
import org.caart.contract.agent.v1.FixKind;
import org.caart.contract.agent.v1.RemediationAction;
import org.caart.contract.agent.v1.RemediationItemOrder;
import org.caart.contract.agent.v1.RemediationItemReport;
import org.caart.contract.agent.v1.RemediationItemState;
import org.caart.contract.agent.v1.RemediationOrderView;
import org.caart.contract.agent.v1.RemediationReportView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** The catalog against the built-in policies: every fixes.yml entry fixes its check; every check is planned. */
class FixCatalogTest {

    @TempDir
    Path root;
    @TempDir
    Path state;

    private static RemediationOrderView order(RemediationAction action, String policy, List<String> checks) {
        List<RemediationItemOrder> items = new ArrayList<>();
        checks.forEach(c -> items.add(new RemediationItemOrder(c, c, policy)));
        return new RemediationOrderView(UUID.randomUUID().toString(), action, null, items, List.of());
    }

    private static List<String> ids(String policy) throws Exception {
        return PolicyCatalog.builtin(policy).orElseThrow().checks().stream().map(Check::info).map(i -> i.id()).toList();
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void theDebianCatalogEntriesFixTheirChecks() throws Exception {
        new FixtureTree(root)
                .file("/etc/login.defs", "# defaults\nPASS_MAX_DAYS\t99999\nPASS_MIN_DAYS\t0\nPASS_WARN_AGE\t3\n"
                        + "ENCRYPT_METHOD MD5\n", 0644)
                .file("/etc/ssh/sshd_config", "LoginGraceTime 120\nMaxStartups 100\n", 0600);
        List<String> checks = List.of("deb.login-defs.max-days", "deb.login-defs.min-days", "deb.login-defs.warn-age",
                "deb.login-defs.encrypt-method", "deb.useradd.inactive", "deb.ssh.login-grace-time",
                "deb.ssh.max-startups");

        RemediationReportView report = new Remediators(state).build().execute(order(RemediationAction.APPLY,
                "caart-debian-baseline", checks), root.toString(), "test");

        report.items().forEach(i -> assertEquals(RemediationItemState.FIXED, i.state(), i::toString));
    }

    @Test
    void theWindowsCatalogEntriesFixTheirChecks() {
        FakeWindows windows = new FakeWindows().setting("MaximumPasswordAge", "0").setting("LockoutBadCount", "0");
        Remediator remediator = new Remediators(state, r -> new HostContext(new RootedFiles(state), windows::platform,
                SshdControl.none("Windows"), null, windows)).build();

        RemediationReportView report = remediator.execute(order(RemediationAction.APPLY, "caart-windows-baseline",
                List.of("win.password.max-age", "win.lockout.threshold", "win.logon.inactivity-lock")), "/", "test");

        report.items().forEach(i -> assertEquals(RemediationItemState.FIXED, i.state(), i::toString));
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void everyDebianBaselineCheckIsPlannedOrManualWithAReason() throws Exception {
        new FixtureTree(root).file("/var/lib/dpkg/status", "Package: telnet\nStatus: install ok installed\n"
                + "Version: 1\n", 0644).file("/proc/self/mounts", "tmpfs /tmp tmpfs rw 0 0\n", 0444)
                .file("/etc/ssh/sshd_config", "PermitRootLogin yes\n", 0644)
                .file("/etc/passwd", "root:x:0:0::/root:/bin/sh\n", 0666);
        HostContext fixture = RemediationHosts.forRoot(root.toString());

        RemediationReportView plan = new Remediators(state, r -> fixture).build().execute(order(RemediationAction.PLAN,
                "caart-debian-baseline", ids("caart-debian-baseline")), root.toString(), "test");

        assertPlannedOrExplained(plan);
        assertEquals(FixKind.PACKAGE_REMOVAL, Orders.item(plan, "deb.packages.telnet-absent").fixKind());
    }

    @Test
    void everyWindowsBaselineCheckIsPlannedOrManualWithAReason() throws Exception {
        FakeWindows windows = new FakeWindows().setting("MaximumPasswordAge", "0")
                .service("Spooler", ServiceStartType.AUTOMATIC);
        RemediationReportView plan = new Remediators(state, r -> new HostContext(new RootedFiles(state),
                windows::platform, SshdControl.none("Windows"), null, windows)).build().execute(order(
                        RemediationAction.PLAN, "caart-windows-baseline", ids("caart-windows-baseline")), "/", "test");

        assertPlannedOrExplained(plan);
        assertTrue(plan.items().stream().filter(i -> i.state() == RemediationItemState.PLANNED).count() > 100);
    }

    private static void assertPlannedOrExplained(RemediationReportView plan) {
        for (RemediationItemReport item : plan.items()) {
            assertTrue(item.state() == RemediationItemState.PLANNED || item.state() == RemediationItemState.NOT_NEEDED
                    || item.state() == RemediationItemState.MANUAL, item::toString);
            if (item.state() == RemediationItemState.MANUAL) {
                assertNotNull(item.message(), item::toString);
            }
            if (item.state() == RemediationItemState.PLANNED) {
                assertNotNull(item.target(), item::toString);
            }
        }
    }
}
