package org.caart.agent.transport;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Locale;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * {@code --pin-sha256}: the one server certificate the agent accepts, by the SHA-256 of its DER encoding (64 hex
 * digits, colons and case as the user likes). A pinned connection trusts exactly that leaf certificate, whatever the
 * trust store says: no CA chain, no expiry and no host name check, because the fingerprint already names the one
 * certificate and the TLS handshake proves the server holds its private key. This is what makes a self-signed server
 * certificate usable; it also means a renewed certificate needs a new pin (re-enroll, or edit {@code agent.json}).
 */
public final class PinnedCertificate {

    private static final HexFormat COLONS = HexFormat.ofDelimiter(":").withUpperCase();

    private final byte[] fingerprint;

    private PinnedCertificate(byte[] fingerprint) {
        this.fingerprint = fingerprint;
    }

    /** Parses a pin; IllegalArgumentException with a sentence for the user when it is not 32 bytes in hex. */
    public static PinnedCertificate parse(String pin) {
        String hex = pin == null ? "" : pin.replace(":", "").replace(" ", "").strip();
        if (!hex.matches("[0-9a-fA-F]{64}")) {
            throw new IllegalArgumentException("--pin-sha256 needs the certificate's SHA-256 fingerprint: 64 hex digits,"
                    + " colons allowed");
        }
        return new PinnedCertificate(HexFormat.of().parseHex(hex.toLowerCase(Locale.ROOT)));
    }

    /** The fingerprint as the agent stores and prints it: upper-case hex pairs joined by colons. */
    @Override
    public String toString() {
        return COLONS.formatHex(fingerprint);
    }

    public static byte[] fingerprint(X509Certificate certificate) throws CertificateEncodingException {
        try {
            return MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
    }

    public boolean matches(X509Certificate certificate) throws CertificateEncodingException {
        return MessageDigest.isEqual(fingerprint, fingerprint(certificate));
    }

    /** A TLS context that trusts only the pinned certificate. */
    public SSLContext sslContext() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new PinTrustManager()}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot set up TLS: " + e.getMessage(), e);
        }
    }

    private void check(X509Certificate[] chain) throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw new CertificateException("the server sent no certificate");
        }
        if (!matches(chain[0])) {
            throw new CertificateException("the server's certificate (SHA-256 " + COLONS.formatHex(fingerprint(chain[0]))
                    + ") is not the pinned one (" + this + ")");
        }
    }

    /** Extended, so that JSSE adds no checks of its own (host name, chain) around the pin check. */
    private final class PinTrustManager extends X509ExtendedTrustManager {

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            check(chain);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
            check(chain);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
            check(chain);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("the agent does not accept client connections");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
            checkClientTrusted(chain, authType);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
            checkClientTrusted(chain, authType);
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
