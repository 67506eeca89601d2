package org.caart.agent.remediation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.caart.contract.agent.v1.RemediationItemState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starts the real agent CLI as a child process, kills it with SIGKILL in the middle of an order, starts it again:
 * the journal finishes every item (resume) or puts every change back (rollback), and a rollback afterwards leaves
 * the fixture tree exactly as it was.
 */
@EnabledOnOs(OS.LINUX)
class KillDuringOrderTest {

    private static final String POLICY = """
            caart-policy: 1
            id: kill-fixture
            name: Kill fixture
            os: linux
            checks:
              - {id: forward, title: t, severity: low, check: {type: sysctl, key: net.ipv4.ip_forward, value: 0}}
              - {id: redirects, title: t, severity: low, check: {type: sysctl, key: net.ipv4.conf.all.send_redirects,
                      value: 0}}
              - {id: martians, title: t, severity: low, check: {type: sysctl, key: net.ipv4.conf.all.log_martians,
                      value: 1}}
              - {id: passwd, title: t, severity: low, check: {type: file-mode, path: /etc/passwd, max-mode: '0644'}}
            """;

    @TempDir
    Path dir;

    private FixtureTree tree;
    private Path policy;

    @BeforeEach
    void fixture() throws IOException {
        tree = new FixtureTree(dir.resolve("root"))
                .file("/proc/sys/net/ipv4/ip_forward", "1\n", 0644)
                .file("/proc/sys/net/ipv4/conf/all/send_redirects", "1\n", 0644)
                .file("/proc/sys/net/ipv4/conf/all/log_martians", "0\n", 0644)
                .file("/etc/passwd", "root:x:0:0::/root:/bin/sh\n", 0666);
        policy = Files.writeString(dir.resolve("policy.yml"), POLICY);
        Files.createDirectories(dir.resolve("config"));
    }

    @Test
    void killedMidOrderTheRestartedAgentFinishesEveryItem() throws Exception {
        Map<String, String> original = tree.picture();
        killDuringTheSecondItem("resume");

        Process restarted = agent("remediate", "recover");
        String output = new String(restarted.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, restarted.waitFor(), output);

        assertTrue(output.contains("Recovered order"), output);
        JournalHistory.OrderRecord order = new Journal(dir.resolve("state")).history().all().get(0);
        assertTrue(order.ended());
        order.items().values().forEach(i -> assertEquals(RemediationItemState.FIXED, i.last().state(), i::toString));
        assertEquals(4, order.items().size());
        assertEquals("0\n", tree.read("/proc/sys/net/ipv4/conf/all/send_redirects"));
        assertEquals(0644, tree.mode("/etc/passwd"));

        Process rollback = agent("remediate", "rollback", "--order", order.order().orderId());
        assertEquals(0, rollback.waitFor(), new String(rollback.getInputStream().readAllBytes(),
                StandardCharsets.UTF_8));
        assertEquals(original, tree.picture());
    }

    @Test
    void killedMidOrderTheRestartedAgentRevertsEveryChangeWhenTheHostSaysSo() throws Exception {
        Map<String, String> original = tree.picture();
        killDuringTheSecondItem("rollback");

        Process restarted = agent("remediate", "recover");
        String output = new String(restarted.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, restarted.waitFor(), output);

        JournalHistory.OrderRecord order = new Journal(dir.resolve("state")).history().all().get(0);
        assertTrue(order.ended());
        assertEquals(original, tree.picture());
        assertTrue(order.items().values().stream().allMatch(i -> i.last().state() == RemediationItemState.ROLLED_BACK
                || i.last().state() == RemediationItemState.FAILED && !i.inPlace()), order.items()::toString);
    }

    /** Applies the order in a child agent with a 2 s settle time and kills it (SIGKILL) while item 2 settles. */
    private void killDuringTheSecondItem(String onRestart) throws Exception {
        Files.writeString(dir.resolve("config/agent.properties"), "allow-remediation=true\nremediation-on-restart="
                + onRestart + "\n");
        Process agent = agent("remediate", "apply", "--policy", policy.toString(), "--settle-seconds", "2");
        Path journal = dir.resolve("state").resolve(Journal.FILE);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (applying(journal) < 2) {
            assertTrue(agent.isAlive() && System.nanoTime() < deadline, "the agent did not reach the second item");
            Thread.sleep(10);
        }
        Thread.sleep(300);
        agent.destroyForcibly();
        assertEquals(137, agent.waitFor());
        assertEquals("0\n", tree.read("/proc/sys/net/ipv4/ip_forward"));
        assertEquals("0\n", tree.read("/proc/sys/net/ipv4/conf/all/send_redirects"), "item 2 was changed when killed");
        assertEquals(0666, tree.mode("/etc/passwd"));
    }

    private static long applying(Path journal) throws IOException {
        return Files.exists(journal) ? Files.readAllLines(journal).stream().filter(l -> l.contains("\"APPLYING\""))
                .count() : 0;
    }

    private Process agent(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin",
                "java").toString(),
                "-Dcaart.config.dir=" + dir.resolve("config"), "-cp", System.getProperty("java.class.path"),
                "org.caart.agent.Main"));
        command.addAll(List.of(args));
        command.addAll(List.of("--root", dir.resolve("root").toString(), "--state-dir",
                dir.resolve("state").toString()));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }
}
