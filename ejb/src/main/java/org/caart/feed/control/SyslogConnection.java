package org.caart.feed.control;

import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.List;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/**
 * One TCP connection to a syslog receiver, plain or TLS (the receiver's certificate checked against the JVM's
 * trusted authorities or the destination's own CA, and its name against the host name). The receiver never
 * answers on a syslog connection, so {@link #open()} tells whether it has closed or reset it meanwhile.
 */
public final class SyslogConnection implements AutoCloseable {

    static final int CONNECT_TIMEOUT_MILLIS = 5000;

    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;
    private volatile long writingSince;

    private SyslogConnection(Socket socket) throws IOException {
        this.socket = socket;
        this.out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
        this.in = socket.getInputStream();
    }

    /** Resolves {@code host}, refuses an address in {@code refused}, connects and (for TLS) completes the handshake. */
    public static SyslogConnection connect(String host, int port, boolean tls, String caPem, Networks refused)
            throws IOException {
        InetAddress address = null;
        for (InetAddress candidate : InetAddress.getAllByName(host)) {
            if (refused.contains(candidate)) {
                throw new IOException(host + " resolves to " + candidate.getHostAddress()
                        + ", a network the feed may not reach (caart.feed.refused-networks)");
            }
            if (address == null) {
                address = candidate;
            }
        }
        Socket plain = new Socket();
        try {
            plain.connect(new InetSocketAddress(address, port), CONNECT_TIMEOUT_MILLIS);
            plain.setKeepAlive(true);
            plain.setTcpNoDelay(true);
            if (!tls) {
                return new SyslogConnection(plain);
            }
            SSLSocket secure = (SSLSocket) context(caPem).getSocketFactory().createSocket(plain, host, port, true);
            SSLParameters parameters = secure.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            if (!Character.isDigit(host.charAt(0)) && host.indexOf(':') < 0) {
                parameters.setServerNames(List.of(new SNIHostName(host)));
            }
            secure.setSSLParameters(parameters);
            secure.setSoTimeout(CONNECT_TIMEOUT_MILLIS);
            secure.startHandshake();
            return new SyslogConnection(secure);
        } catch (IOException | RuntimeException e) {
            plain.close();
            throw e;
        }
    }

    private static SSLContext context(String caPem) throws IOException {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            if (caPem == null) {
                context.init(null, null, null);
                return context;
            }
            KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
            trusted.load(null, null);
            int n = 0;
            for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(
                    new ByteArrayInputStream(caPem.getBytes(StandardCharsets.US_ASCII)))) {
                trusted.setCertificateEntry("ca" + n++, c);
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IOException("The destination's CA certificate cannot be used: " + e.getMessage(), e);
        }
    }

    /** Writes and flushes the frames; an exception means the connection is gone. */
    public void send(List<byte[]> frames) throws IOException {
        writingSince = System.nanoTime();
        try {
            for (byte[] frame : frames) {
                out.write(frame);
            }
            out.flush();
        } finally {
            writingSince = 0;
        }
    }

    /** Whether a send has been blocked for longer than {@code nanos} (a receiver that stopped reading). */
    public boolean stuck(long nanos) {
        long since = writingSince;
        return since != 0 && System.nanoTime() - since > nanos;
    }

    /** False once the receiver closed or reset the connection (it never sends anything on its own). */
    public boolean open() {
        if (socket.isClosed()) {
            return false;
        }
        try {
            socket.setSoTimeout(1);
            int read = in.read();
            return read >= 0; // a receiver that sends data is odd but alive
        } catch (SocketTimeoutException alive) {
            return true;
        } catch (IOException gone) {
            return false;
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing a broken connection: nothing more to do
        }
    }
}
