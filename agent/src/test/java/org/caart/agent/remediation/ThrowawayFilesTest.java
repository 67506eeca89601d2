package org.caart.agent.remediation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.caart.contract.agent.v1.RemediationAction;
import org.caart.contract.agent.v1.RemediationItemState;
import org.caart.contract.agent.v1.RemediationOrderView;
import org.caart.contract.agent.v1.RemediationReportView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real host ("/" as the root, the real Linux platform and adapters), changing only throwaway files of this
 * machine: a file's mode and owner, and configuration lines in an existing and in a new file.
 */
@EnabledOnOs(OS.LINUX)
class ThrowawayFilesTest {

    @TempDir
    Path folder;
    @TempDir
    Path state;

    @Test
    void fixesOnTheRealRootRestoreThrowawayFilesExactly() throws Exception {
        FixtureTree files = new FixtureTree(folder);
        Path secret = folder.resolve("secret.key");
        Files.writeString(secret, "k\n");
        boolean root = "root".equals(System.getProperty("user.name"));
        if (root) {
            Files.setAttribute(secret, "unix:uid", 1);
        }
        Files.setAttribute(secret, "unix:mode", 02777);
        Path conf = folder.resolve("app.conf");
        Files.writeString(conf, "# app\nTimeout 300\n");
        Path created = folder.resolve("sub/new.conf");
        String policy = """
                caart-policy: 1
                id: throwaway
                name: Throwaway
                os: linux
                checks:
                  - {id: key, title: t, severity: low, check: {type: file-mode, path: %s, max-mode: '0600'%s}}
                  - {id: timeout, title: t, severity: low, check: {type: file-content, path: %s,
                          must-match: ['^Timeout 60$']}}
                  - {id: created, title: t, severity: low, check: {type: file-content, path: %s,
                          must-match: ['^Enabled=no$']}}
                """.formatted(secret, root ? ", owner: root" : "", conf, created);
        String entries = """
                throwaway:
                  timeout: {path: %s, key: Timeout, separator: ' ', value: '60'}
                  created: {path: %s, key: Enabled, separator: '=', value: 'no'}
                """.formatted(conf, created);
        Map<String, String> before = files.picture();
        Remediator remediator = new Remediators(state).entries(entries).build();
        RemediationOrderView apply = Orders.of(RemediationAction.APPLY, null, policy, "key", "timeout", "created");

        RemediationReportView applied = remediator.execute(apply, "/", "test");

        applied.items().forEach(i -> assertEquals(RemediationItemState.FIXED, i.state(), i::toString));
        assertEquals(0600, files.mode("/secret.key"));
        assertEquals("# app\nTimeout 60\n", Files.readString(conf));
        assertEquals("Enabled=no\n", Files.readString(created));

        remediator.execute(remediator.rollbackOrder(apply.orderId(), java.util.List.of()).orElseThrow(), "/", "test");

        assertEquals(before, files.picture());
        assertFalse(Files.exists(folder.resolve("sub")));
        assertEquals(02777, files.mode("/secret.key"));
    }
}
