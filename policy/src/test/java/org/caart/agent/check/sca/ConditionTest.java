package org.caart.agent.check.sca;

import org.caart.agent.platform.common.FakePlatform;
import static org.caart.agent.check.sca.Sca.check;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.caart.agent.check.FakeHost;
import org.caart.contract.agent.v1.CheckStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The outcome table: found / not found / invalid rule results under all, any and none. */
class ConditionTest {

    private static final String FOUND = "f:/etc/present";
    private static final String NOT_FOUND = "f:/etc/absent";
    private static final String INVALID = "f:/etc/absent -> r:x";

    @TempDir
    Path root;

    private FakeHost host;

    @BeforeEach
    void fixtures() throws IOException {
        Files.createDirectories(root.resolve("etc"));
        Files.writeString(root.resolve("etc/present"), "x\n");
        host = new FakeHost(FakePlatform.linux().root(root));
    }

    @Test
    void allPassesOnlyWhenEveryRuleIsFound() {
        assertEquals(CheckStatus.PASSED, check(host, "all", FOUND, FOUND).status());
        assertEquals(CheckStatus.FAILED, check(host, "all", FOUND, NOT_FOUND).status());
        assertEquals(CheckStatus.FAILED, check(host, "all", INVALID, NOT_FOUND).status());
        assertEquals(CheckStatus.NOT_APPLICABLE, check(host, "all", FOUND, INVALID).status());
    }

    @Test
    void anyPassesOnTheFirstFoundRule() {
        assertEquals(CheckStatus.PASSED, check(host, "any", NOT_FOUND, FOUND).status());
        assertEquals(CheckStatus.PASSED, check(host, "any", INVALID, FOUND).status());
        assertEquals(CheckStatus.FAILED, check(host, "any", NOT_FOUND, NOT_FOUND).status());
        assertEquals(CheckStatus.NOT_APPLICABLE, check(host, "any", NOT_FOUND, INVALID).status());
    }

    @Test
    void nonePassesWhenNoRuleIsFound() {
        assertEquals(CheckStatus.PASSED, check(host, "none", NOT_FOUND, NOT_FOUND).status());
        assertEquals(CheckStatus.FAILED, check(host, "none", NOT_FOUND, FOUND).status());
        assertEquals(CheckStatus.FAILED, check(host, "none", INVALID, FOUND).status());
        assertEquals(CheckStatus.NOT_APPLICABLE, check(host, "none", NOT_FOUND, INVALID).status());
    }

    @Test
    void aCheckWithoutRulesIsNotApplicable() {
        var outcome = check(host, "all");
        assertEquals(CheckStatus.NOT_APPLICABLE, outcome.status());
        assertTrue(outcome.reason().contains("no rules"));
    }

    @Test
    void unknownConditionIsReportedNotGuessed() {
        var policy = Sca.parse(Sca.v5("most", FOUND));
        assertEquals(1, policy.unsupported().size());
        var outcome = policy.checks().get(0).evaluate(host);
        assertEquals(CheckStatus.NOT_APPLICABLE, outcome.status());
        assertTrue(outcome.reason().contains("condition 'most'"), outcome.reason());
    }
}
