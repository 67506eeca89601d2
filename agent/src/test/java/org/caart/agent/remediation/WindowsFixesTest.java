package org.caart.agent.remediation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.caart.agent.platform.common.RegistryValue;
import org.caart.agent.platform.common.ServiceStartType;
import org.caart.contract.agent.v1.FixKind;
import org.caart.contract.agent.v1.RemediationAction;
import org.caart.contract.agent.v1.RemediationFlag;
import org.caart.contract.agent.v1.RemediationItemOrder;
import org.caart.contract.agent.v1.RemediationItemState;
import org.caart.contract.agent.v1.RemediationOrderView;
import org.caart.contract.agent.v1.RemediationReportView;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Windows fix kinds of the built-in Windows baseline, at the port: applied through a fake of the settings the
 * real adapter changes, re-checked by the real checks, rolled back to exactly the settings before (absent values
 * absent again), in the order the ordering rules give.
 */
class WindowsFixesTest {

    private static final String POLICY = "caart-windows-baseline";
    private static final String AUDIT_LOGON = "{0CCE9215-69AE-11D9-BED3-505054503030}";
    private static final String SYSTEM_POLICIES =
            "HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Policies\\System";

    @TempDir
    Path state;

    private final FakeWindows windows = new FakeWindows();

    @BeforeEach
    void settings() {
        windows.setting("MaximumPasswordAge", "0").setting("MinimumPasswordAge", "0")
                .setting("LockoutBadCount", "0")
                .right("SeDenyBatchLogonRight", "S-1-5-32-544")
                .right("SeRemoteInteractiveLogonRight", "S-1-5-32-544", "S-1-1-0")
                .audit(AUDIT_LOGON, 1)
                .service("Spooler", ServiceStartType.AUTOMATIC)
                .registry(SYSTEM_POLICIES, "EnableLUA", RegistryValue.dword(0));
    }

    private Remediator remediator(ServerProbe probe) {
        return new Remediators(state, root -> new HostContext(new RootedFiles(state), windows::platform,
                SshdControl.none("Windows"), null, windows)).probe(probe).build();
    }

    private static RemediationOrderView order(RemediationAction action, String rollbackOf, String... checks) {
        List<RemediationItemOrder> items = new ArrayList<>();
        for (String check : checks) {
            items.add(new RemediationItemOrder(check, check, POLICY));
        }
        return new RemediationOrderView(UUID.randomUUID().toString(), action, rollbackOf, items, List.of());
    }

    @Test
    void everyWindowsFixKindIsAppliedReCheckedAndRolledBackExactly() {
        Map<String, Object> before = windows.picture();
        Remediator remediator = remediator(timeout -> true);
        String[] checks = {"win.password.max-age", "win.password.min-age", "win.rights.deny-batch",
            "win.rights.rdp-logon", "win.audit.logon", "win.services.print-spooler-disabled",
            "win.firewall.domain.enablefirewall", "win.uac.enabled", "win.defender.pua-block"};
        RemediationOrderView apply = order(RemediationAction.APPLY, null, checks);

        RemediationReportView applied = remediator.execute(apply, "/", "test");

        for (String check : checks) {
            RemediationItemState expected = check.startsWith("win.services") ? RemediationItemState.NEEDS_REBOOT
                    : RemediationItemState.FIXED;
            assertEquals(expected, Orders.state(applied, check), () -> Orders.item(applied, check).toString());
        }
        assertEquals(FixKind.FIREWALL_PROFILE, Orders.item(applied, "win.firewall.domain.enablefirewall").fixKind());
        assertTrue(Orders.item(applied, "win.rights.rdp-logon").flags().contains(RemediationFlag.REMOTE_ACCESS));
        assertEquals("[S-1-5-32-544]", windows.rightHolders("SeRemoteInteractiveLogonRight").toString());
        assertEquals(3, windows.auditFlags(AUDIT_LOGON));

        RemediationReportView rolledBack = remediator.execute(order(RemediationAction.ROLLBACK, apply.orderId(),
                checks), "/", "test");

        rolledBack.items().forEach(i -> assertEquals(RemediationItemState.ROLLED_BACK, i.state(), i::toString));
        assertEquals(before, windows.picture());
    }

    @Test
    void aValueOfTheWrongTypeIsRewrittenWithTheCheckedTypeAndRolledBackToTheOldOne() {
        // REG_SZ "0" where Windows reads a DWORD: the check fails on the type; keeping the type would leave it failing
        windows.registry(SYSTEM_POLICIES, "EnableLUA", RegistryValue.string("0"));
        Map<String, Object> before = windows.picture();
        Remediator remediator = remediator(timeout -> true);
        RemediationOrderView apply = order(RemediationAction.APPLY, null, "win.uac.enabled");

        RemediationReportView applied = remediator.execute(apply, "/", "test");

        assertEquals(RemediationItemState.FIXED, Orders.state(applied, "win.uac.enabled"),
                () -> Orders.item(applied, "win.uac.enabled").toString());
        assertEquals(Optional.of(RegistryValue.dword(1)), windows.registryValue(SYSTEM_POLICIES, "EnableLUA"));

        remediator.execute(order(RemediationAction.ROLLBACK, apply.orderId(), "win.uac.enabled"), "/", "test");

        assertEquals(before, windows.picture());
        assertEquals(Optional.of(RegistryValue.string("0")), windows.registryValue(SYSTEM_POLICIES, "EnableLUA"));
    }

    @Test
    void lockoutSettingsAreAppliedInTheOrderWindowsAcceptsAndRolledBackInReverse() {
        windows.setting("LockoutBadCount", "10").setting("LockoutDuration", "10").setting("ResetLockoutCount", "10");
        Map<String, Object> before = windows.picture();
        Remediator remediator = remediator(timeout -> true);
        RemediationOrderView apply = order(RemediationAction.APPLY, null, "win.lockout.reset", "win.lockout.duration",
                "win.lockout.threshold");

        RemediationReportView applied = remediator.execute(apply, "/", "test");

        applied.items().forEach(i -> assertEquals(RemediationItemState.FIXED, i.state(), i::toString));
        applied.items().forEach(i -> assertTrue(i.flags().contains(RemediationFlag.ORDERED)));
        assertEquals(List.of("secpol LockoutBadCount=5", "secpol LockoutDuration=15", "secpol ResetLockoutCount=15"),
                windows.writes);

        windows.writes.clear();
        remediator.execute(order(RemediationAction.ROLLBACK, apply.orderId(), "win.lockout.reset",
                "win.lockout.duration", "win.lockout.threshold"), "/", "test");
        assertEquals(List.of("secpol ResetLockoutCount=10", "secpol LockoutDuration=10", "secpol LockoutBadCount=10"),
                windows.writes);
        assertEquals(before, windows.picture());
    }

    @Test
    void aPlanShowsTheOrderingConstraintsWithoutChangingAnything() {
        windows.setting("LockoutBadCount", "10").setting("LockoutDuration", "10").setting("ResetLockoutCount", "10");
        Map<String, Object> before = windows.picture();

        RemediationReportView plan = remediator(timeout -> true).execute(order(RemediationAction.PLAN, null,
                "win.lockout.reset", "win.lockout.duration", "win.lockout.threshold", "win.password.history"), "/",
                        "test");

        assertTrue(Orders.item(plan, "win.lockout.reset").flags().contains(RemediationFlag.ORDERED));
        assertTrue(Orders.item(plan, "win.lockout.threshold").flags().contains(RemediationFlag.ORDERED));
        assertEquals(List.of(), Orders.item(plan, "win.password.history").flags());
        assertEquals(RemediationItemState.PLANNED, Orders.state(plan, "win.lockout.reset"));
        assertEquals("ResetLockoutCount = 15", Orders.item(plan, "win.lockout.reset").target());
        assertEquals(before, windows.picture());
        assertEquals(List.of(), windows.writes);
    }

    @Test
    void anRdpChangeIsRevertedWhenTheServerCannotBeReachedAfterIt() {
        Map<String, Object> before = windows.picture();

        RemediationReportView report = remediator(timeout -> false).execute(order(RemediationAction.APPLY, null,
                "win.rights.rdp-logon", "win.password.max-age"), "/", "test");

        assertEquals(RemediationItemState.ROLLED_BACK, Orders.state(report, "win.rights.rdp-logon"));
        assertEquals(RemediationItemState.FIXED, Orders.state(report, "win.password.max-age"));
        before.put("secpol MaximumPasswordAge", "365");
        assertEquals(before, windows.picture());
    }

    @Test
    void namesThatMustOnlyDifferAreManual() {
        RemediationReportView plan = remediator(timeout -> true).execute(order(RemediationAction.PLAN, null,
                "win.accounts.admin-renamed"), "/", "test");

        assertEquals(RemediationItemState.MANUAL, Orders.state(plan, "win.accounts.admin-renamed"));
    }
}
