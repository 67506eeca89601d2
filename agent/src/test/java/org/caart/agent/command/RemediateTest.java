package org.caart.agent.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.caart.agent.Main;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** {@code caart-agent remediate} in-process against a fixture root, with and without allow-remediation. */
@EnabledOnOs(OS.LINUX)
class RemediateTest {

    static final String POLICY = """
            caart-policy: 1
            id: cli-fixture
            name: CLI fixture
            os: linux
            checks:
              - {id: forward, title: t, severity: low, check: {type: sysctl, key: net.ipv4.ip_forward, value: 0}}
              - {id: passwd, title: t, severity: low, check: {type: file-mode, path: /etc/passwd, max-mode: '0644'}}
              - {id: tmp, title: t, severity: low, remediation: "Mount /tmp with nodev.", check: {type: mount-option,
                      mount-point: /tmp, options: [nodev]}}
            """;

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private Path root;
    private Path policy;

    @BeforeEach
    void fixture() throws IOException {
        System.setProperty("caart.config.dir", dir.resolve("config").toString());
        root = dir.resolve("root");
        write("proc/sys/net/ipv4/ip_forward", "1\n");
        write("etc/passwd", "root:x:0:0::/root:/bin/sh\n");
        write("proc/self/mounts", "tmpfs /tmp tmpfs rw 0 0\n");
        Files.setAttribute(root.resolve("etc/passwd"), "unix:mode", 0666);
        policy = Files.writeString(dir.resolve("policy.yml"), POLICY);
    }

    @AfterEach
    void restore() {
        System.clearProperty("caart.config.dir");
    }

    private void write(String relative, String content) throws IOException {
        Files.createDirectories(root.resolve(relative).getParent());
        Files.writeString(root.resolve(relative), content);
    }

    private void allow() throws IOException {
        Files.createDirectories(dir.resolve("config"));
        Files.writeString(dir.resolve("config/agent.properties"), "allow-remediation=true\n");
    }

    private int remediate(String... args) {
        String[] all = new String[args.length + 5];
        all[0] = "remediate";
        System.arraycopy(args, 0, all, 1, args.length);
        System.arraycopy(new String[] {"--root", root.toString(), "--state-dir", dir.resolve("state").toString()}, 0,
                all, args.length + 1, 4);
        return Main.run(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), all);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void applyWithoutAllowRemediationIsRefusedWithExitCodeFive() throws IOException {
        assertEquals(5, remediate("apply", "--policy", policy.toString(), "forward"));
        assertTrue(out().contains("this host does not allow remediation"), out());
        assertEquals("1\n", Files.readString(root.resolve("proc/sys/net/ipv4/ip_forward")));
    }

    @Test
    void anUnknownActionIsAUsageErrorBeforeAnythingIsTouched() {
        assertEquals(2, remediate("fix-everything"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("unknown action 'fix-everything'"));
        assertTrue(Files.notExists(dir.resolve("state")));
    }

    @Test
    void anUnknownCheckIsAUsageErrorAndChangesNothing() throws IOException {
        allow();
        assertEquals(2, remediate("apply", "--policy", policy.toString(), "forward", "nope"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("has no check nope; nothing was changed"));
        assertEquals("1\n", Files.readString(root.resolve("proc/sys/net/ipv4/ip_forward")));
    }

    @Test
    void planApplyAndRollBackFromTheCommandLine() throws IOException {
        allow();
        assertEquals(3, remediate("plan", "--policy", policy.toString()), out());
        assertTrue(out().contains("PLANNED"), out());
        assertTrue(out().contains("manual:   Mount /tmp with nodev."), out());

        assertEquals(0, remediate("apply", "--policy", policy.toString(), "forward", "passwd"), out());
        assertEquals("0\n", Files.readString(root.resolve("proc/sys/net/ipv4/ip_forward")));
        Matcher order = Pattern.compile("Order (\\S+) ").matcher(out());
        assertTrue(order.find(), out());

        assertEquals(0, remediate("rollback", "--order", order.group(1)), out());
        assertEquals("1\n", Files.readString(root.resolve("proc/sys/net/ipv4/ip_forward")));
        assertEquals(0666, (Integer) Files.getAttribute(root.resolve("etc/passwd"), "unix:mode") & 0777);
        assertEquals(0, remediate("list"));
        assertTrue(out().contains(order.group(1) + "  APPLY"), out());
    }
}
