package org.caart.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The agent's .deb (agent/target/packages, built by agent/packaging/linux/build-packages.sh) installed on this machine
 * enrolls against the running server from /etc/caart/enroll.properties during {@code dpkg -i}, and the server lists
 * the new endpoint; then the package is purged. It needs root and the package, so the default integration-test run
 * leaves it out (it/pom.xml) and CI runs it after building the package (.ci/run, step 4:
 * {@code mvn -pl it verify -Dit.test=AgentPackageIT}).
 */
@ExtendWith(SharedServer.class)
class AgentPackageIT {

    private static final Path ENROLL = Path.of("/etc/caart/enroll.properties");
    private static final Path IDENTITY = Path.of("/var/lib/caart-agent/agent.json");

    @Test
    void theDebEnrollsDuringInstallationAndTheServerListsTheEndpoint() throws Exception {
        assertEquals("root", System.getProperty("user.name"), "dpkg -i needs root");
        Path deb = deb();
        Tenant tenant = Tenant.create("deb");
        String token = tenant.api().post(tenant.path("/enrollment-tokens"), "").json().getString("token");
        Files.createDirectories(ENROLL.getParent());
        Files.deleteIfExists(ENROLL);
        Files.createFile(ENROLL, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(ENROLL, "server=" + SharedServer.server().url("") + "\ntoken=" + token + "\n");
        try {
            Result installed = run("dpkg", "-i", deb.toString());
            assertEquals(0, installed.exit(), installed.output());
            assertTrue(Files.isRegularFile(IDENTITY), "no identity after dpkg -i:\n" + installed.output());
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(IDENTITY)));
            assertEquals("caart-agent", Files.getOwner(IDENTITY).getName());
            assertFalse(Files.exists(ENROLL), "the used enrollment file stays: " + installed.output());
            JsonObject endpoint = Wait.until(Duration.ofSeconds(30), () -> {
                var endpoints = tenant.api().get(tenant.path("/endpoints")).array();
                return endpoints.isEmpty() ? null : endpoints.getJsonObject(0);
            });
            assertEquals("ACTIVE", endpoint.getString("status"), endpoint.toString());
            assertFalse(Files.readString(IDENTITY, StandardCharsets.UTF_8).contains(token), "the token is kept");
        } finally {
            Result purged = run("dpkg", "-P", "caart-agent");
            Files.deleteIfExists(ENROLL);
            assertEquals(0, purged.exit(), purged.output());
        }
        assertFalse(Files.exists(IDENTITY), "purge keeps the identity");
    }

    private static Path deb() throws IOException {
        Path packages = Path.of(System.getProperty("caart.distribution")).resolve("../../../agent/target/packages")
                .normalize();
        try (Stream<Path> files = Files.list(packages)) {
            List<Path> debs = files.filter(f -> f.getFileName().toString().endsWith(".deb")).sorted().toList();
            assertEquals(1, debs.size(), "one .deb in " + packages + ": " + debs);
            return debs.get(0);
        }
    }

    private record Result(int exit, String output) {
    }

    private static Result run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not end: " + output);
        }
        return new Result(process.exitValue(), output);
    }
}
