package org.caart.policy.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.caart.platform.InvalidInputException;
import org.caart.policy.entity.PolicyFinding;
import org.caart.policy.entity.PolicyFormat;
import org.caart.policy.entity.UploadedPolicy;
import org.junit.jupiter.api.Test;

class PolicyValidationTest {

    private static final String CAART = """
            caart-policy: 1
            id: acme-linux
            name: ACME Linux hardening
            os: linux
            checks:
              - id: acme.forwarding
                title: No IP forwarding
                severity: high
                check: {type: sysctl, key: net.ipv4.ip_forward, value: 0}
              - id: acme.root
                title: No root login over SSH
                severity: medium
                check: {type: sshd-setting, keyword: PermitRootLogin, value: no}
            """;

    private static final String SCA_WITH_UNSUPPORTED = """
            policy:
              id: "acme-sca"
              name: "ACME SCA"
            checks:
              - id: 1
                title: "Debian"
                condition: all
                rules:
                  - 'f:/etc/debian_version'
              - id: 2
                title: "Root is uid 0"
                condition: all
                rules:
                  - 'c:id -u root -> r:^0$'
              - id: 3
                title: "Unknown rule type"
                condition: any
                rules:
                  - 'x:/something'
                  - 'f:/etc/hostname'
            """;

    /** The real Wazuh CIS policies kept as the policy module's test resources (GPLv2 test input, never shipped). */
    static List<Path> wazuhPolicies() throws IOException {
        Path folder = Path.of(System.getProperty("caart.project.dir", ".."), "policy", "src", "test", "resources", "wazuh-sca")
                .toAbsolutePath().normalize();
        assertTrue(Files.isDirectory(folder), "test data folder missing: " + folder);
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.toString().endsWith(".yml")).sorted().toList();
        }
    }

    @Test
    void wazuhCisPoliciesAreAcceptedWithTheirCommandChecksCounted() throws IOException {
        List<Path> files = wazuhPolicies();
        assertFalse(files.isEmpty());
        for (Path file : files) {
            PolicyValidation.Validated valid = PolicyValidation.validate(file.getFileName().toString(),
                    Files.readString(file));
            assertEquals(PolicyFormat.SCA, valid.format(), file.toString());
            assertTrue(valid.checkCount() > 100, file + ": " + valid.checkCount());
            assertTrue(valid.commandChecks() > 0 && valid.commandChecks() < valid.checkCount(), file.toString());
            assertTrue(valid.name().startsWith("CIS"), valid.name());
            assertEquals(List.of(), valid.findings(), file.toString());
        }
    }

    @Test
    void aCaartPolicyKeepsItsNameAndHasNoCommandChecks() {
        PolicyValidation.Validated valid = PolicyValidation.validate("acme.yml", CAART);
        assertEquals("ACME Linux hardening", valid.name());
        assertEquals(PolicyFormat.CAART, valid.format());
        assertEquals(2, valid.checkCount());
        assertEquals(0, valid.commandChecks());
        assertEquals(List.of(), valid.findings());
    }

    @Test
    void unsupportedConstructsAreListedPerCheckAndCommandChecksCounted() {
        PolicyValidation.Validated valid = PolicyValidation.validate("acme-sca.yml", SCA_WITH_UNSUPPORTED);
        assertEquals(3, valid.checkCount());
        assertEquals(1, valid.commandChecks());
        assertEquals(1, valid.findings().size());
        PolicyFinding finding = valid.findings().get(0);
        assertEquals("3", finding.checkId());
        assertTrue(finding.construct().contains("x:/something"), finding.construct());
        assertFalse(finding.reason().isBlank());
    }

    @Test
    void aBrokenFileIsRefusedWithTheParsersReason() {
        InvalidInputException broken = assertThrows(InvalidInputException.class,
                () -> PolicyValidation.validate("broken.yml", "caart-policy: 1\nchecks: [\n  - id: a\n"));
        assertTrue(broken.fieldErrors().get("file").contains("broken.yml"), broken.getMessage());
        InvalidInputException other = assertThrows(InvalidInputException.class,
                () -> PolicyValidation.validate("notes.txt", "just: some yaml\n"));
        assertTrue(other.getMessage().contains("neither a CAaRT policy"), other.getMessage());
    }

    @Test
    void emptyAndOversizedFilesAreRefused() {
        assertThrows(InvalidInputException.class, () -> PolicyValidation.validate("empty.yml", " \n"));
        String huge = CAART + "#".repeat(UploadedPolicy.CONTENT_MAX_BYTES);
        InvalidInputException tooBig = assertThrows(InvalidInputException.class,
                () -> PolicyValidation.validate("huge.yml", huge));
        assertTrue(tooBig.getMessage().contains("MiB"), tooBig.getMessage());
    }
}
