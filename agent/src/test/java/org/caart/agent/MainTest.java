package org.caart.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

@EnabledOnOs(OS.LINUX)
class MainTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void isolateConfiguration() {
        System.setProperty("caart.config.dir", dir.resolve("config").toString());
        System.setProperty("caart.cache.dir", dir.resolve("cache").toString());
    }

    @AfterEach
    void restore() {
        System.clearProperty("caart.config.dir");
        System.clearProperty("caart.cache.dir");
    }

    private int run(String... args) {
        out.reset();
        err.reset();
        return Main.run(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), args);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private Path policy(String name, String... rules) throws IOException {
        StringBuilder yaml = new StringBuilder("policy:\n  id: \"cli\"\n  name: \"CLI test\"\nchecks:\n");
        int id = 1;
        for (String rule : rules) {
            yaml.append("  - id: ").append(id).append("\n    name: \"check ").append(id++)
                    .append("\"\n    condition: all\n    rules:\n      - '").append(rule).append("'\n");
        }
        Path file = dir.resolve(name);
        Files.writeString(file, yaml);
        return file;
    }

    @Test
    void noArgumentsIsAUsageError() {
        assertEquals(2, run());
        assertTrue(err().contains("Usage: caart-agent COMMAND"));
    }

    @Test
    void versionPrintsTheAgentVersion() {
        assertEquals(0, run("--version"));
        assertEquals("caart-agent " + Version.current() + "\n", out().replace("\r\n", "\n"));
        assertFalse(Version.current().isBlank());
        assertEquals(0, run("version"));
        assertTrue(out().startsWith("caart-agent "), out());
    }

    @Test
    void unknownCommandIsAUsageError() {
        assertEquals(2, run("frobnicate"));
        assertTrue(err().contains("unknown command 'frobnicate'"));
    }

    @Test
    void everyVerbHasHelp() {
        assertEquals(0, run("--help"));
        assertTrue(out().contains("check-policy"));
        for (String verb : new String[] {"scan", "policies", "check-policy", "enroll", "run", "service"}) {
            assertEquals(0, run(verb, "--help"), verb);
            assertTrue(out().contains("Usage: caart-agent " + verb), verb);
        }
    }

    @Test
    void scanWithNothingFailedExitsZero() throws IOException {
        Path file = policy("ok.yml", "f:" + dir.resolve("ok.yml"), "not f:" + dir.resolve("missing"));
        assertEquals(0, run("scan", file.toString()), err());
        assertTrue(out().contains("PASSED"), out());
        assertTrue(out().contains("passed 2  failed 0"), out());
    }

    @Test
    void scanWithAFailedCheckExitsOne() throws IOException {
        Path file = policy("fail.yml", "f:" + dir.resolve("missing"));
        assertEquals(1, run("scan", file.toString()));
        assertTrue(out().contains("FAILED"));
    }

    @Test
    void scanWithAnErrorButNoFailureExitsThree() throws IOException {
        Path big = dir.resolve("big.log");
        try (RandomAccessFile file = new RandomAccessFile(big.toFile(), "rw")) {
            file.setLength(65L << 20);
        }
        Path file = policy("error.yml", "f:" + big + " -> r:x");
        Path json = dir.resolve("error-report.json");
        assertEquals(3, run("scan", file.toString(), "--out", json.toString()));
        assertTrue(out().contains("ERROR"), out());
        // the table shortens long reasons (how much depends on the temp path); the JSON evidence keeps all of it
        assertTrue(Files.readString(json).contains("larger than 64 MiB"), Files.readString(json));
    }

    @Test
    void aPolicyWhoseRequirementsAreNotMetExitsSevenWithASentence() throws IOException {
        Path file = policy("req.yml", "f:" + dir.resolve("req.yml"));
        Files.writeString(file, Files.readString(file).replace("checks:\n",
                "requirements:\n  name: \"A Solaris host\"\n"
                + "  condition: all\n  rules:\n    - 'f:" + dir.resolve("no-such-release") + "'\nchecks:\n"));
        assertEquals(7, run("scan", file.toString()), err());
        assertTrue(err().contains("the policy does not apply to this host: requirements not met: A Solaris host"),
                err());
        assertTrue(out().contains("not applicable 1"), out());
        assertFalse(out().contains("Score:  0.0%"), out());
    }

    @Test
    void scanOfAnUnknownPolicyIsAUsageError() {
        assertEquals(2, run("scan", dir.resolve("nope.yml").toString()));
        assertTrue(err().contains("no such policy"), err());
        assertEquals(2, run("scan"));
        assertEquals(2, run("scan", "a", "b"));
        assertEquals(2, run("scan", "x", "--bogus"));
    }

    @Test
    void scanWritesJsonEvidenceWithIsoDates() throws IOException {
        Path file = policy("json.yml", "f:" + dir.resolve("json.yml") + " -> r:^policy");
        Path json = dir.resolve("out/report.json");
        assertEquals(0, run("scan", file.toString(), "--out", json.toString(), "--stats", "--quiet"));
        String text = Files.readString(json);
        assertTrue(text.matches("(?s).*\"startedAt\" : \"\\d{4}-\\d\\d-\\d\\dT.*"), text);
        assertTrue(text.contains("\"observed\" : \""), text);
        assertTrue(text.contains("\"status\" : \"PASSED\""), text);
        assertTrue(out().contains("Commands not found: 0"), out());
        assertTrue(out().contains("f:"), out());
    }

    @Test
    void checkPolicyListsUnsupportedConstructsAndRunsNothing() throws IOException {
        Path marker = dir.resolve("marker");
        Path file = policy("unsupported.yml", "c:touch " + marker, "f:/etc/x -> r:a\\Kb");
        assertEquals(0, run("check-policy", file.toString()), err());
        assertTrue(out().contains("Unsupported constructs: 1"), out());
        assertTrue(out().contains("\\K"), out());
        assertTrue(Files.notExists(marker));
    }

    @Test
    void checkPolicyOfABrokenFileExitsTwo() throws IOException {
        Path file = dir.resolve("broken.yml");
        Files.writeString(file, "just: text\n");
        assertEquals(2, run("check-policy", file.toString()));
        assertTrue(err().contains("broken.yml"), err());
    }

    @Test
    void checkPolicyRefusesADeeplyIndentedFileLikeTheServer() throws IOException {
        Path file = dir.resolve("deep.yml");
        StringBuilder text = new StringBuilder("policy:\n  id: deep\nchecks:\n  - id: 1\nvariables:\n");
        for (int level = 1; level <= 1400; level++) {
            text.append(" ".repeat(level * 2)).append("k").append(level).append(":\n");
        }
        Files.writeString(file, text);
        assertEquals(2, run("check-policy", file.toString()));
        assertTrue(err().contains("deep.yml: line 37 is nested more than 32 levels deep"), err());
    }

    @Test
    void policiesListsBuiltInsAndThePolicyFolder() throws IOException {
        Path folder = dir.resolve("config/policies");
        Files.createDirectories(folder);
        Files.copy(policy("mine.yml", "f:/etc/hostname"), folder.resolve("mine.yml"));
        assertEquals(0, run("policies"), out() + err());
        assertTrue(out().contains("Built-in policies:"), out());
        assertTrue(out().contains("mine.yml"), out());
        assertTrue(out().contains("wazuh-sca-5"), out());
    }

    @Test
    void policyFolderFilesCanBeScannedByName() throws IOException {
        Path folder = dir.resolve("config/policies");
        Files.createDirectories(folder);
        Files.copy(policy("local.yml", "not f:" + dir.resolve("missing")), folder.resolve("local.yml"));
        assertEquals(0, run("scan", "local"), err());
    }
}
