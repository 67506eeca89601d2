package org.caart.agent.check;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PolicyLimitsTest {

    /** The attack: a 2 MB SCA-looking document indented 1,400 levels deep took 49 s to refuse. */
    static String deeplyIndented(int levels) {
        StringBuilder text = new StringBuilder("policy:\n  id: deep\nchecks:\n  - id: 1\n    title: x\nvariables:\n");
        for (int level = 1; level <= levels; level++) {
            text.append(" ".repeat(level * 2)).append("k").append(level).append(":\n");
        }
        return text.append(" ".repeat(levels * 2 + 2)).append("v\n").toString();
    }

    @Test
    void aDeeplyIndentedDocumentIsRefusedAtOnceWithTheReason() {
        String text = deeplyIndented(1400);
        PolicyException refused = assertTimeoutPreemptively(Duration.ofSeconds(1),
                () -> assertThrows(PolicyException.class, () -> PolicyCatalog.parse("deep.yml", text,
                        PolicyOrigin.SERVER)));
        assertTrue(refused.getMessage().contains("nested more than " + PolicyLimits.MAX_DEPTH + " levels"),
                refused.getMessage());
    }

    @Test
    void deeplyNestedFlowCollectionsAreRefused() {
        String text = "caart-policy: 1\nid: x\nname: x\nos: any\nchecks: " + "[".repeat(500) + "]".repeat(500) + "\n";
        PolicyException refused = assertThrows(PolicyException.class,
                () -> PolicyCatalog.parse("flow.yml", text, PolicyOrigin.SERVER));
        assertTrue(refused.getMessage().toLowerCase().contains("nesting depth exceeded max " + PolicyLimits.MAX_DEPTH),
                refused.getMessage());
    }

    @Test
    void tooManyLinesAreRefusedBeforeParsing() {
        String text = "policy:\n  id: long\nchecks:\n" + "#\n".repeat(PolicyLimits.MAX_LINES + 1);
        PolicyException refused = assertThrows(PolicyException.class,
                () -> PolicyCatalog.parse("long.yml", text, PolicyOrigin.SERVER));
        assertTrue(refused.getMessage().contains("more than " + PolicyLimits.MAX_LINES + " lines"),
                refused.getMessage());
    }

    @Test
    void tooLargeADocumentIsRefusedBeforeParsing() {
        String text = "policy:\n  id: big\nchecks:\n#" + "x".repeat(PolicyLimits.MAX_CHARS) + "\n";
        PolicyException refused = assertThrows(PolicyException.class,
                () -> PolicyCatalog.parse("big.yml", text, PolicyOrigin.SERVER));
        assertTrue(refused.getMessage().contains("characters"), refused.getMessage());
    }

    @Test
    void theLargestShippedBenchmarkStaysWithinTheLimits() throws Exception {
        String text = new String(PolicyLimitsTest.class.getResourceAsStream("/wazuh-sca/cis_win11_enterprise.yml")
                .readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(PolicyCatalog.parse("cis_win11_enterprise.yml", text, PolicyOrigin.SERVER).checks().size() > 100);
    }
}
