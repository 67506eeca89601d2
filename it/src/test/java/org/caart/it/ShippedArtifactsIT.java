package org.caart.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Test;

/**
 * What CAaRT ships: the Wazuh SCA policies kept as GPLv2 test data never end up in an artifact (looked for by name
 * and by content, inside nested archives too), and the distribution and the agent carry LICENSE, NOTICE and the
 * generated THIRD-PARTY.txt.
 */
class ShippedArtifactsIT {

    private static final Path PROJECT = Path.of(System.getProperty("caart.project.dir", "..")).toAbsolutePath()
            .normalize();
    private static final Pattern TEST_DATA_NAME = Pattern.compile("(^|/)(cis_[a-z0-9_]+\\.ya?ml|wazuh-sca/.*)$");
    private static final Pattern WAZUH_HEADER = Pattern.compile("#\\s*Copyright \\(C\\) \\d{4}, Wazuh Inc\\.");
    private static final List<String> TEXT_ENDINGS = List.of(".yml", ".yaml", ".txt", ".properties", ".json", ".md");

    static List<Path> shipped() throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path folder : List.of(PROJECT.resolve("distribution/target/caart"), PROJECT.resolve("agent/target/dist"))) {
            assertTrue(Files.isDirectory(folder), "build first: " + folder);
            try (Stream<Path> walk = Files.walk(folder)) {
                walk.filter(Files::isRegularFile).forEach(files::add);
            }
        }
        files.add(PROJECT.resolve("agent/target/caart-agent.jar"));
        files.add(PROJECT.resolve("ear/target/caart.ear"));
        return files;
    }

    @Test
    void noArtifactHoldsTheWazuhTestPolicies() throws IOException {
        List<String> found = new ArrayList<>();
        int[] entries = {0};
        List<Path> files = shipped();
        for (Path file : files) {
            assertTrue(Files.isRegularFile(file), "missing artifact " + file);
            String name = PROJECT.relativize(file).toString();
            inspect(name, Files.readAllBytes(file), found, entries);
        }
        assertTrue(files.stream().anyMatch(f -> f.endsWith("caart-server.jar")), "the uber jar is checked");
        assertTrue(entries[0] > 10_000, "looked inside the archives: " + entries[0] + " entries");
        assertEquals(List.of(), found, "Wazuh SCA test data in a shipped artifact");
    }

    @Test
    void theDistributionAndTheAgentCarryTheirLicenses() throws IOException {
        String license = Files.readString(PROJECT.resolve("LICENSE"));
        assertTrue(license.contains("Apache License") && license.contains("Version 2.0"), "LICENSE is Apache 2.0");
        for (Path folder : List.of(PROJECT.resolve("distribution/target/caart"), PROJECT.resolve("agent/target/dist"))) {
            assertEquals(license, Files.readString(folder.resolve("LICENSE")), folder.toString());
            assertTrue(Files.readString(folder.resolve("NOTICE")).contains("THIRD-PARTY.txt"), folder.toString());
        }
        assertTrue(Files.readString(PROJECT.resolve("distribution/target/caart/THIRD-PARTY.txt"))
                .contains("PrimeFaces (org.primefaces:primefaces:"), "the WAR's libraries are listed");
        assertTrue(Files.readString(PROJECT.resolve("distribution/target/caart/THIRD-PARTY.txt"))
                .contains("(org.apache.activemq:activemq-broker:"), "the RAR's libraries are listed");
        String agentList = Files.readString(PROJECT.resolve("agent/target/dist/THIRD-PARTY.txt"));
        assertTrue(agentList.contains("(net.java.dev.jna:jna-platform:"), agentList);
        assertEquals(license, entryText(PROJECT.resolve("agent/target/caart-agent.jar"), "META-INF/LICENSE"));
        assertEquals(agentList, entryText(PROJECT.resolve("agent/target/caart-agent.jar"), "META-INF/THIRD-PARTY.txt"));
    }

    private static void inspect(String where, byte[] bytes, List<String> found, int[] entries) throws IOException {
        if (!isZip(bytes)) {
            check(where, bytes, found);
            return;
        }
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                if (entry.isDirectory()) {
                    continue;
                }
                entries[0]++;
                String name = where + "!/" + entry.getName();
                if (TEST_DATA_NAME.matcher(entry.getName()).find()) {
                    found.add(name);
                }
                String lower = entry.getName().toLowerCase(Locale.ROOT);
                if (isArchiveName(lower) || TEXT_ENDINGS.stream().anyMatch(lower::endsWith)) {
                    inspect(name, zip.readAllBytes(), found, entries);
                }
            }
        }
    }

    private static void check(String where, byte[] bytes, List<String> found) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        if (WAZUH_HEADER.matcher(text).find()) {
            found.add(where);
        }
    }

    private static boolean isArchiveName(String name) {
        return name.endsWith(".jar") || name.endsWith(".war") || name.endsWith(".rar") || name.endsWith(".ear")
                || name.endsWith(".zip");
    }

    private static boolean isZip(byte[] bytes) {
        return bytes.length > 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;
    }

    private static String entryText(Path jar, String entryName) throws IOException {
        try (InputStream in = Files.newInputStream(jar); ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                if (entry.getName().equals(entryName)) {
                    return new String(zip.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        throw new AssertionError(entryName + " missing in " + jar);
    }
}
