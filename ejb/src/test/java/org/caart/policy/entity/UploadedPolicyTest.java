package org.caart.policy.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class UploadedPolicyTest {

    private static UploadedPolicy with(List<PolicyFinding> findings) {
        return new UploadedPolicy(7, "ACME", PolicyFormat.SCA, "policy: {}", 3, 1, findings, "ann@example.com",
                OffsetDateTime.parse("2026-11-20T10:00:00Z"));
    }

    @Test
    void findingsSurviveStorageWithTabsAndLineBreaksFlattened() {
        UploadedPolicy policy = with(List.of(new PolicyFinding("3", "x:/something", "unknown rule type"),
                new PolicyFinding("4", "f:/a -> r:a\tb", "line one\nline two")));
        assertEquals(List.of(new PolicyFinding("3", "x:/something", "unknown rule type"),
                new PolicyFinding("4", "f:/a -> r:a b", "line one line two")), policy.findings());
        assertEquals(2, policy.getFindingsCount());
    }

    @Test
    void onlyTheFirstFindingsAreKeptButAllAreCounted() {
        List<PolicyFinding> many = IntStream.range(0, UploadedPolicy.FINDINGS_KEPT + 5)
                .mapToObj(i -> new PolicyFinding(String.valueOf(i), "c", "r")).toList();
        UploadedPolicy policy = with(many);
        assertEquals(UploadedPolicy.FINDINGS_KEPT, policy.findings().size());
        assertEquals(UploadedPolicy.FINDINGS_KEPT + 5, policy.getFindingsCount());
    }

    @Test
    void noFindingsIsAnEmptyList() {
        assertEquals(List.of(), with(List.of()).findings());
    }

    @Test
    void onlyUploadChoicesNameAnUploadedPolicy() {
        assertEquals(Optional.of(12L), UploadedPolicy.idOfChoice("upload:12"));
        assertEquals(Optional.of(-1L), UploadedPolicy.idOfChoice("upload:x"));
        assertEquals(Optional.empty(), UploadedPolicy.idOfChoice("default"));
        assertEquals(Optional.empty(), UploadedPolicy.idOfChoice("caart-debian-baseline"));
    }

    @Test
    void aPolicyNeedsAName() {
        assertThrows(IllegalArgumentException.class, () -> new UploadedPolicy(7, " ", PolicyFormat.CAART, "x", 1, 0,
                List.of(), "ann@example.com", OffsetDateTime.now()));
    }
}
