package org.caart.agent.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.List;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import org.caart.agent.config.AgentIdentity;
import org.caart.contract.agent.v1.HeartbeatRequest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs against a self-signed certificate made by keytool for this test run (named for another host on purpose). */
class PinnedCertificateTest {

    private static final char[] PASSWORD = "changeit".toCharArray();

    @TempDir
    static Path dir;
    private static KeyStore keyStore;
    private static X509Certificate certificate;
    private static X509Certificate other;

    @BeforeAll
    static void makeCertificates() throws Exception {
        keyStore = generate("server", "CN=caart-test.invalid");
        certificate = (X509Certificate) keyStore.getCertificate("server");
        other = (X509Certificate) generate("other", "CN=caart-test.invalid").getCertificate("other");
    }

    private static KeyStore generate(String alias, String name) throws Exception {
        Path file = dir.resolve(alias + ".p12");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Process process = new ProcessBuilder(keytool, "-genkeypair", "-alias", alias, "-keyalg", "EC", "-groupname",
                "secp256r1", "-dname", name, "-validity", "2", "-storetype", "PKCS12", "-keystore", file.toString(),
                "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD)).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertEquals(0, process.waitFor(), output);
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, PASSWORD);
        }
        return store;
    }

    private static String hex(X509Certificate cert) throws Exception {
        return HexFormat.of().formatHex(PinnedCertificate.fingerprint(cert));
    }

    private static SSLContext serverTls() throws Exception {
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(keyStore, PASSWORD);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keys.getKeyManagers(), null, null);
        return tls;
    }

    private static ServerClient client(FakeServer server, String pin) {
        return ServerClient.of(new AgentIdentity(server.uri().toString(), pin, "a", "s", 1, "Acme", 25));
    }

    private static HeartbeatRequest heartbeat() {
        return new HeartbeatRequest(ServerClientTest.HOST, 0, 0);
    }

    @Test
    void theFingerprintOfTheCertificateMatchesItsPin() throws Exception {
        assertTrue(PinnedCertificate.parse(hex(certificate)).matches(certificate));
        assertFalse(PinnedCertificate.parse(hex(certificate)).matches(other));
    }

    @Test
    void pinsMayHaveColonsAndAnyCase() throws Exception {
        String colons = HexFormat.ofDelimiter(":").withUpperCase().formatHex(PinnedCertificate.fingerprint(certificate));
        PinnedCertificate pin = PinnedCertificate.parse(colons.toLowerCase());
        assertTrue(pin.matches(certificate));
        assertEquals(colons, pin.toString());
    }

    @Test
    void aPinThatIsNotASha256IsRejected() {
        for (String bad : new String[] {"", "abc", "zz".repeat(32), "ab".repeat(31), "ab".repeat(33)}) {
            assertThrows(IllegalArgumentException.class, () -> PinnedCertificate.parse(bad), bad);
        }
    }

    @Test
    void aPinnedAgentTalksToASelfSignedServerWhateverTheNameInIt() throws Exception {
        try (FakeServer server = FakeServer.startTls(serverTls())) {
            assertEquals("Acme", client(server, hex(certificate)).heartbeat(heartbeat()).companyName());
        }
    }

    @Test
    void aServerWithAnotherCertificateIsRefused() throws Exception {
        try (FakeServer server = FakeServer.startTls(serverTls())) {
            ServerUnavailableException e = assertThrows(ServerUnavailableException.class,
                    () -> client(server, hex(other)).heartbeat(heartbeat()));
            assertTrue(e.getMessage().contains("is not the pinned one"), e.getMessage());
            assertEquals(List.of(), server.requests("heartbeat"));
        }
    }

    @Test
    void withoutAPinASelfSignedServerIsNotTrusted() throws Exception {
        try (FakeServer server = FakeServer.startTls(serverTls())) {
            ServerUnavailableException e = assertThrows(ServerUnavailableException.class,
                    () -> client(server, null).heartbeat(heartbeat()));
            assertTrue(e.getMessage().contains("TLS"), e.getMessage());
        }
    }
}
