package org.caart.agent.remediation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.caart.agent.platform.RemediationHosts;
import org.caart.contract.agent.v1.FixKind;
import org.caart.contract.agent.v1.RemediationAction;
import org.caart.contract.agent.v1.RemediationFlag;
import org.caart.contract.agent.v1.RemediationItemState;
import org.caart.contract.agent.v1.RemediationOrderView;
import org.caart.contract.agent.v1.RemediationReportView;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every Linux fix kind applied for real on a fixture root and rolled back: afterwards every file is byte-identical
 * with its mode and owner, and what was absent (files, folders, lines) is absent again.
 */
@EnabledOnOs(OS.LINUX)
class LinuxFixesTest {

    static final String POLICY = """
            caart-policy: 1
            id: fixture-linux
            name: Fixture
            os: linux
            checks:
              - {id: forward, title: t, severity: low, remediation: r, check: {type: sysctl, key: net.ipv4.ip_forward, value: 0}}
              - {id: martians, title: t, severity: low, check: {type: sysctl, key: net.ipv4.conf.all.log_martians, op: ge, value: 1}}
              - {id: cron, title: t, severity: low, check: {type: file-mode, path: /etc/crontab, max-mode: '0600', owner: root, group: root}}
              - {id: passwd, title: t, severity: low, check: {type: file-mode, path: /etc/passwd, max-mode: '0644'}}
              - {id: max-days, title: t, severity: low, check: {type: file-content, path: /etc/login.defs, ignore-comments: true, must-match: ['^\\s*PASS_MAX_DAYS\\s+(?:[1-9]|[1-9][0-9]|[12][0-9][0-9]|3[0-5][0-9]|36[0-5])\\s*$']}}
              - {id: inactive, title: t, severity: low, check: {type: file-content, path: /etc/default/useradd, ignore-comments: true, must-match: ['^\\s*INACTIVE\\s*=\\s*(?:[0-9]|[1-3][0-9]|4[0-5])\\s*$']}}
              - {id: root-login, title: t, severity: low, check: {type: sshd-setting, keyword: PermitRootLogin, value: 'no'}}
              - {id: x11, title: t, severity: low, check: {type: sshd-setting, keyword: X11Forwarding, value: 'no'}}
              - {id: ciphers, title: t, severity: low, check: {type: sshd-setting, keyword: Ciphers, op: excludes, values: [3des-cbc, aes128-cbc]}}
              - {id: auth-tries, title: t, severity: low, check: {type: sshd-setting, keyword: MaxAuthTries, op: le, value: 4}}
              - {id: telnet, title: t, severity: low, check: {type: package-absent, package: telnet}}
              - {id: tmp, title: t, severity: low, remediation: "Mount /tmp with nodev.", check: {type: mount-option, mount-point: /tmp, options: [nodev]}}
              - {id: banner, title: t, severity: low, check: {type: sshd-setting, keyword: Banner, op: ne, value: none}}
            """;

    /** The catalog entries of this fixture policy, as fixes.yml holds them for the built-in ones. */
    static final String ENTRIES = """
            fixture-linux:
              max-days: {path: /etc/login.defs, key: PASS_MAX_DAYS, separator: "\\t", value: "365"}
              inactive: {path: /etc/default/useradd, key: INACTIVE, separator: "=", value: "30"}
            """;

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
                .file("/etc/crontab", "SHELL=/bin/sh\n", 04755).owner("/etc/crontab", 1, 1)
                .file("/etc/passwd", "root:x:0:0:root:/root:/bin/bash\n", 0666)
                .file("/etc/login.defs", "# login.defs\n#PASS_MAX_DAYS 30\nMAIL_DIR /var/mail\nPASS_MAX_DAYS\t99999\n"
                        + "PASS_MIN_DAYS\t0\n", 0644)
                .file("/etc/ssh/sshd_config", "# sshd\nInclude /etc/ssh/sshd_config.d/*.conf\nX11Forwarding yes\n"
                        + "Ciphers aes256-gcm@openssh.com,aes128-cbc,3des-cbc\nMatch User backup\n"
                        + "    PermitRootLogin yes\n", 0644)
                .file("/var/lib/dpkg/status", "Package: bash\nStatus: install ok installed\nVersion: 5.2\n\n"
                        + "Package: telnet\nStatus: install ok installed\nVersion: 0.17\n\nPackage: zsh\n"
                        + "Status: install ok installed\nVersion: 5.9\n", 0644)
                .file("/proc/self/mounts", "tmpfs /tmp tmpfs rw 0 0\n", 0444);
    }

    private Remediator remediator() {
        return new Remediators(state).entries(ENTRIES).build();
    }

    @Test
    void everyLinuxFixKindIsAppliedReCheckedAndRolledBackExactly() throws Exception {
        Map<String, String> before = tree.picture();
        Remediator remediator = remediator();
        RemediationOrderView apply = Orders.of(RemediationAction.APPLY, null, POLICY, "forward", "martians", "cron",
                "passwd", "max-days", "inactive", "root-login", "x11", "ciphers", "telnet");

        RemediationReportView applied = remediator.execute(apply, root.toString(), "test");

        for (String check : List.of("forward", "martians", "cron", "passwd", "max-days", "inactive", "root-login",
                "x11", "ciphers", "telnet")) {
            assertEquals(RemediationItemState.FIXED, Orders.state(applied, check), () -> check + ": "
                    + Orders.item(applied, check));
        }
        assertEquals("0\n", tree.read("/proc/sys/net/ipv4/ip_forward"));
        assertTrue(tree.read(SysctlFix.DROP_IN).contains("net.ipv4.ip_forward = 0\n"));
        assertEquals(0600, tree.mode("/etc/crontab"));
        assertEquals(0, tree.uid("/etc/crontab"));
        assertEquals("# login.defs\n#PASS_MAX_DAYS 30\nMAIL_DIR /var/mail\nPASS_MAX_DAYS\t365\nPASS_MIN_DAYS\t0\n",
                tree.read("/etc/login.defs"));
        assertEquals("INACTIVE=30\n", tree.read("/etc/default/useradd"));
        assertTrue(tree.read(SshdSettingFix.DROP_IN).contains("PermitRootLogin no\n"));
        assertTrue(tree.read(SshdSettingFix.DROP_IN).contains("Ciphers aes256-gcm@openssh.com\n"));
        assertTrue(tree.read(SshdSettingFix.MAIN).contains("Match User backup\n    PermitRootLogin yes\n"));
        assertFalse(tree.read("/var/lib/dpkg/status").contains("telnet"));
        assertEquals(List.of(RemediationFlag.RESTARTS_SERVICE, RemediationFlag.REMOTE_ACCESS),
                Orders.item(applied, "root-login").flags());

        RemediationReportView rolledBack = remediator.execute(Orders.of(RemediationAction.ROLLBACK, apply.orderId(),
                POLICY, "forward", "martians", "cron", "passwd", "max-days", "inactive", "root-login", "x11", "ciphers",
                "telnet"),
                root.toString(), "test");

        rolledBack.items().forEach(i -> assertEquals(RemediationItemState.ROLLED_BACK, i.state(), i::toString));
        assertEquals(before, tree.picture());
        assertEquals("1", Orders.item(rolledBack, "forward").after());
    }

    @Test
    void anSshdSettingWithoutIncludeReplacesTheMainFilesLineAndLeavesMatchBlocks() throws Exception {
        tree.file("/etc/ssh/sshd_config", "# sshd\nPort 22\nPermitRootLogin yes\nMatch User backup\n"
                + "    PermitRootLogin yes\n", 0600);
        Map<String, String> before = tree.picture();
        Remediator remediator = remediator();
        RemediationOrderView apply = Orders.of(RemediationAction.APPLY, null, POLICY, "root-login", "auth-tries");

        RemediationReportView applied = remediator.execute(apply, root.toString(), "test");

        assertEquals(RemediationItemState.FIXED, Orders.state(applied, "root-login"));
        assertEquals(RemediationItemState.FIXED, Orders.state(applied, "auth-tries"));
        assertEquals("# sshd\nMaxAuthTries 4\nPort 22\nPermitRootLogin no\nMatch User backup\n"
                + "    PermitRootLogin yes\n", tree.read(SshdSettingFix.MAIN));
        remediator.execute(Orders.of(RemediationAction.ROLLBACK, apply.orderId(), POLICY, "root-login", "auth-tries"),
                root.toString(), "test");
        assertEquals(before, tree.picture());
    }

    @Test
    void aChangeTheReCheckDoesNotConfirmIsPutBack() throws Exception {
        tree.file("/etc/ssh/sshd_config.d/00-aaa.conf", "PermitRootLogin yes\n", 0644);
        Map<String, String> before = tree.picture();

        RemediationReportView report = remediator().execute(Orders.of(RemediationAction.APPLY, null, POLICY,
                "root-login"), root.toString(), "test");

        assertEquals(RemediationItemState.FAILED, Orders.state(report, "root-login"));
        assertTrue(Orders.item(report, "root-login").message().contains("the change was put back"));
        assertEquals(before, tree.picture());
    }

    @Test
    void sshdRejectingTheConfigurationPutsTheFileBack() throws Exception {
        Map<String, String> before = tree.picture();
        SshdControl rejecting = new SshdControl() {
            @Override
            public Optional<String> validate() {
                return Optional.of("line 3: Bad configuration option");
            }

            @Override
            public void reload() {
                // not reached for a rejected configuration; the restore reloads, which does nothing here
            }

            @Override
            public String describe() {
                return "a rejecting sshd";
            }
        };
        HostContext fixture = RemediationHosts.forRoot(root.toString());
        Remediator remediator = new Remediators(state, r -> new HostContext(fixture.files(), fixture.platforms(),
                rejecting, fixture.packages(), fixture.windows())).entries(ENTRIES).build();

        RemediationReportView report = remediator.execute(Orders.of(RemediationAction.APPLY, null, POLICY,
                "root-login"), root.toString(), "test");

        assertEquals(RemediationItemState.FAILED, Orders.state(report, "root-login"));
        assertTrue(Orders.item(report, "root-login").message().contains("Bad configuration option"));
        assertEquals(before, tree.picture());
    }

    @Test
    void aRemoteAccessChangeIsRevertedWhenTheServerCannotBeReached() throws Exception {
        Map<String, String> before = tree.picture();
        Remediator remediator = new Remediators(state).entries(ENTRIES).probe(timeout -> false).build();

        RemediationReportView report = remediator.execute(Orders.of(RemediationAction.APPLY, null, POLICY,
                "forward", "root-login"), root.toString(), "test");

        assertEquals(RemediationItemState.ROLLED_BACK, Orders.state(report, "root-login"));
        assertTrue(Orders.item(report, "root-login").message().startsWith("dead-man check"));
        assertEquals(RemediationItemState.FIXED, Orders.state(report, "forward"));
        assertEquals(before.get(SshdSettingFix.MAIN), tree.picture().get(SshdSettingFix.MAIN));
        assertFalse(tree.exists(SshdSettingFix.DROP_IN));
    }

    @Test
    void checksWithoutAFixAreManualWithTheirRemediationText() throws Exception {
        Map<String, String> before = tree.picture();

        RemediationReportView report = remediator().execute(Orders.of(RemediationAction.APPLY, null, POLICY,
                "tmp", "banner"), root.toString(), "test");

        assertEquals(RemediationItemState.MANUAL, Orders.state(report, "tmp"));
        assertEquals(FixKind.MANUAL, Orders.item(report, "tmp").fixKind());
        assertEquals("Mount /tmp with nodev.", Orders.item(report, "tmp").manualText());
        assertEquals(RemediationItemState.MANUAL, Orders.state(report, "banner"));
        assertTrue(Orders.item(report, "banner").message().contains("op ne"));
        assertEquals(before, tree.picture());
    }

    @Test
    void aPlanChangesNothingAndShowsObservedAndTargetValues() throws Exception {
        Map<String, String> before = tree.picture();

        RemediationReportView plan = remediator().execute(Orders.of(RemediationAction.PLAN, null, POLICY, "forward",
                "cron", "telnet", "tmp"), root.toString(), "test");

        assertEquals(RemediationItemState.PLANNED, Orders.state(plan, "forward"));
        assertEquals("1", Orders.item(plan, "forward").observed());
        assertTrue(Orders.item(plan, "forward").target().startsWith("net.ipv4.ip_forward = 0"));
        assertEquals("/etc/crontab mode 0600, owner root, group root", Orders.item(plan, "cron").target());
        assertEquals(RemediationItemState.MANUAL, Orders.state(plan, "tmp"));
        assertTrue(plan.finished());
        assertEquals(before, tree.picture());
    }

    @Test
    void rollingBackOneItemKeepsTheOtherItemsLinesInSharedFiles() throws Exception {
        Map<String, String> before = tree.picture();
        Remediator remediator = remediator();
        RemediationOrderView apply = Orders.of(RemediationAction.APPLY, null, POLICY, "forward", "martians",
                "root-login", "x11", "telnet");
        remediator.execute(apply, root.toString(), "test");
        tree.file("/var/lib/dpkg/status", tree.read("/var/lib/dpkg/status").replace("Package: zsh", "Package: zsh-new"),
                0644);

        RemediationReportView some = remediator.execute(Orders.of(RemediationAction.ROLLBACK, apply.orderId(), POLICY,
                "forward", "root-login", "telnet"), root.toString(), "test");

        some.items().forEach(i -> assertEquals(RemediationItemState.ROLLED_BACK, i.state(), i::toString));
        assertEquals("1\n", tree.read("/proc/sys/net/ipv4/ip_forward"));
        assertEquals("1\n", tree.read("/proc/sys/net/ipv4/conf/all/log_martians"));
        String dropIn = tree.read(SysctlFix.DROP_IN);
        assertFalse(dropIn.contains("net.ipv4.ip_forward"), dropIn);
        assertTrue(dropIn.contains("net.ipv4.conf.all.log_martians = 1\n"), dropIn);
        assertEquals("# sshd settings of CAaRT remediation (caart-agent)\nX11Forwarding no\n",
                tree.read(SshdSettingFix.DROP_IN));
        assertTrue(tree.read("/var/lib/dpkg/status").contains("Package: telnet\n"));
        assertTrue(tree.read("/var/lib/dpkg/status").contains("Package: zsh-new\n"), "a later edit is kept");

        tree.file("/var/lib/dpkg/status", tree.read("/var/lib/dpkg/status").replace("Package: zsh-new", "Package: zsh"),
                0644);
        remediator.execute(Orders.of(RemediationAction.ROLLBACK, apply.orderId(), POLICY, "martians", "x11"),
                root.toString(), "test");
        assertEquals(before, tree.picture());
    }

    @Test
    void aSecondRollbackFindsNothingLeftToPutBack() throws Exception {
        Remediator remediator = remediator();
        RemediationOrderView apply = Orders.of(RemediationAction.APPLY, null, POLICY, "forward");
        remediator.execute(apply, root.toString(), "test");
        remediator.execute(Orders.of(RemediationAction.ROLLBACK, apply.orderId(), POLICY, "forward"),
                root.toString(), "test");

        RemediationReportView again = remediator.execute(Orders.of(RemediationAction.ROLLBACK, apply.orderId(), POLICY,
                "forward"), root.toString(), "test");

        assertEquals(RemediationItemState.NOT_NEEDED, Orders.state(again, "forward"));
    }
}
