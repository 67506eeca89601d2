package org.caart.agent.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.caart.agent.check.PolicyCatalog;
import org.caart.agent.platform.common.FakePlatform;
import org.caart.contract.agent.v1.CheckResultView;
import org.caart.contract.agent.v1.CheckStatus;
import org.caart.contract.agent.v1.ResultBatchView;
import org.caart.contract.agent.v1.RunEnd;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

class AuditRunnerTest {

    @TempDir
    Path dir;

    private final List<ResultBatchView> sent = new CopyOnWriteArrayList<>();
    private final RunControl control = new RunControl();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private Path present;

    @BeforeEach
    void files() throws IOException {
        present = Files.writeString(dir.resolve("present.conf"), "PermitRootLogin no\n");
    }

    @AfterEach
    void stopTimer() {
        timer.shutdownNow();
    }

    private AuditRunner runner(boolean allowServerCommands) {
        return new AuditRunner(FakePlatform::linux, allowServerCommands, sent::add, control, timer, Clock.systemUTC());
    }

    private List<CheckResultView> results() {
        return sent.stream().flatMap(b -> b.results().stream()).toList();
    }

    private ResultBatchView last() {
        return sent.get(sent.size() - 1);
    }

    @Test
    void anUploadedPolicyRunsAndEveryResultIsStreamed() {
        control.accept("r1");
        runner(false).run(Policies.uploaded("r1", Policies.sca("f:" + present, "f:" + dir.resolve("missing"),
                "f:" + present + " -> r:^PermitRootLogin no")));
        assertEquals(List.of(CheckStatus.PASSED, CheckStatus.FAILED, CheckStatus.PASSED),
                results().stream().map(CheckResultView::status).toList());
        assertEquals(RunEnd.COMPLETED, last().end());
        assertNull(last().error());
        assertEquals(3, sent.get(0).planned());
    }

    @Test
    void commandsOfAnUploadedPolicyDoNotRunUnlessTheHostAllowsIt() {
        runner(false).run(Policies.uploaded("r1", Policies.sca("c:echo hello -> r:hello")));
        CheckResultView result = results().get(0);
        assertEquals(CheckStatus.NOT_RUN, result.status());
        assertTrue(result.reason().contains("commands from the server are disabled"), result.reason());
        assertEquals(RunEnd.COMPLETED, last().end());
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void commandsOfAnUploadedPolicyRunWhereTheHostAllowsIt() {
        runner(true).run(Policies.uploaded("r1", Policies.sca("c:echo hello -> r:hello")));
        assertEquals(CheckStatus.PASSED, results().get(0).status());
    }

    @Test
    void aBuiltInPolicyRunsByItsName() throws Exception {
        runner(false).run(Policies.builtin("r1", "caart-debian-baseline"));
        int checks = PolicyCatalog.builtin("caart-debian-baseline").orElseThrow().checks().size();
        assertEquals(checks, results().size());
        assertEquals(checks, sent.get(0).planned());
        assertEquals(RunEnd.COMPLETED, last().end());
    }

    @Test
    void anUnknownBuiltInPolicyFailsTheRunWithTheReason() {
        runner(false).run(Policies.builtin("r1", "cis-plan9"));
        assertEquals(1, sent.size());
        assertEquals(RunEnd.FAILED, sent.get(0).end());
        assertEquals(0, sent.get(0).sequence());
        assertTrue(sent.get(0).error().contains("no built-in policy 'cis-plan9'"), sent.get(0).error());
    }

    @Test
    void aPolicyThatDoesNotParseFailsTheRun() {
        runner(false).run(Policies.uploaded("r1", "this: [is not a policy"));
        assertEquals(RunEnd.FAILED, sent.get(0).end());
        assertTrue(sent.get(0).error().startsWith("the policy could not be loaded: "), sent.get(0).error());
    }

    @Test
    void aStopRequestEndsTheRunAfterTheCurrentCheck() {
        control.accept("r1");
        AuditRunner runner = new AuditRunner(FakePlatform::linux, false, batch -> {
            sent.add(batch);
            control.requestStop("r1");
        }, control, timer, Clock.systemUTC());
        runner.run(Policies.uploaded("r1", Policies.sca(Policies.repeat("f:" + present, 10))));
        assertEquals(1, results().size());
        assertEquals(RunEnd.STOPPED, last().end());
        assertEquals(10, last().planned());
        assertFalse(control.stopRequested("r1"), "the stop is forgotten once the run ended");
    }

    @Test
    void shuttingDownEndsTheRunFailedAndSaysWhy() {
        AuditRunner runner = new AuditRunner(FakePlatform::linux, false, batch -> {
            sent.add(batch);
            control.shutdown();
        }, control, timer, Clock.systemUTC());
        runner.run(Policies.uploaded("r1", Policies.sca(Policies.repeat("f:" + present, 5))));
        assertEquals(1, results().size());
        assertEquals(RunEnd.FAILED, last().end());
        assertEquals(AuditRunner.SHUTTING_DOWN, last().error());
    }

    @Test
    void anOrderQueuedWhenTheAgentShutsDownIsNotBegun() {
        control.shutdown();
        runner(false).run(Policies.uploaded("r1", Policies.sca("f:" + present)));
        assertEquals(List.of(), sent);
    }
}
