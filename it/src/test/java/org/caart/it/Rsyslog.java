package org.caart.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real syslog receiver for the feed tests: Debian's rsyslogd in the foreground with its own configuration, imtcp
 * on a loopback port (octet-counted framing is imtcp's default for messages that start with a digit), plain or TLS
 * (gtls, a CA and a certificate for "localhost" made with openssl), writing every message as received (rawmsg) to a
 * file, one per line. Stopped with SIGTERM (rsyslog writes what it took before it exits) and started again on the
 * same port.
 */
final class Rsyslog implements AutoCloseable {

    private static final Pattern SEQ = Pattern.compile("\\[caart@32473 company=\"(\\d+)\" seq=\"(\\d+)\"");

    final Path dir;
    final int port;
    final boolean tls;
    private Process process;

    private Rsyslog(Path dir, int port, boolean tls) {
        this.dir = dir;
        this.port = port;
        this.tls = tls;
    }

    static Rsyslog start(String name, boolean tls) {
        if (!Files.isExecutable(Path.of("/usr/sbin/rsyslogd"))) {
            throw new IllegalStateException("rsyslogd is missing: apt-get install rsyslog rsyslog-gnutls "
                    + "(scripts/test installs them)");
        }
        try {
            Path dir = Files.createDirectories(CaartServer.workDir().resolve("rsyslog-" + name + "-"
                    + System.nanoTime()));
            Rsyslog r = new Rsyslog(dir, CaartServer.freePort(), tls);
            if (tls) {
                r.certificates();
            }
            r.configure();
            r.start();
            return r;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void certificates() throws IOException {
        run("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=CAaRT test CA",
                "-keyout", dir.resolve("ca-key.pem").toString(), "-out", dir.resolve("ca.pem").toString());
        run("openssl", "req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=localhost",
                "-keyout", dir.resolve("key.pem").toString(), "-out", dir.resolve("req.pem").toString());
        Files.writeString(dir.resolve("ext.cnf"), "subjectAltName=DNS:localhost,IP:127.0.0.1,IP:::1\n");
        run("openssl", "x509", "-req", "-in", dir.resolve("req.pem").toString(), "-CA",
                dir.resolve("ca.pem").toString(), "-CAkey", dir.resolve("ca-key.pem").toString(), "-CAcreateserial",
                "-days", "2", "-extfile", dir.resolve("ext.cnf").toString(), "-out", dir.resolve("cert.pem").toString());
    }

    private void configure() throws IOException {
        Files.createDirectories(dir.resolve("work"));
        String global = "global(workDirectory=\"" + dir.resolve("work") + "\" maxMessageSize=\"64k\""
                + (tls ? " defaultNetstreamDriver=\"gtls\" defaultNetstreamDriverCAFile=\"" + dir.resolve("ca.pem")
                        + "\" defaultNetstreamDriverCertFile=\"" + dir.resolve("cert.pem")
                        + "\" defaultNetstreamDriverKeyFile=\"" + dir.resolve("key.pem") + "\"" : "") + ")\n";
        String module = "module(load=\"imtcp\"" + (tls ? " streamDriver.name=\"gtls\" streamDriver.mode=\"1\" "
                + "streamDriver.authMode=\"anon\"" : "") + ")\n";
        Files.writeString(dir.resolve("rsyslog.conf"), global + module
                + "template(name=\"raw\" type=\"string\" string=\"%rawmsg%\\n\")\n"
                + "ruleset(name=\"caart\") { action(type=\"omfile\" file=\"" + received() + "\" template=\"raw\" "
                + "flushOnTXEnd=\"on\" asyncWriting=\"off\") }\n"
                + "input(type=\"imtcp\" port=\"" + port + "\" address=\"127.0.0.1\" ruleset=\"caart\")\n");
    }

    void start() {
        try {
            process = new ProcessBuilder("/usr/sbin/rsyslogd", "-n", "-f", dir.resolve("rsyslog.conf").toString(),
                    "-i", dir.resolve("rsyslogd.pid").toString()).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("rsyslogd.out").toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < until) {
            try (Socket probe = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                if (!process.isAlive()) {
                    break;
                }
                sleep(100);
            }
        }
        throw new IllegalStateException("rsyslogd did not listen on " + port + ": " + said());
    }

    /** SIGTERM: rsyslog closes its connections and writes out what it received. */
    void stop() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    Path received() {
        return dir.resolve("received.log");
    }

    String caPem() {
        try {
            return Files.readString(dir.resolve("ca.pem"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every message received so far, in the order received. */
    List<String> lines() {
        try {
            return Files.exists(received()) ? Files.readAllLines(received(), StandardCharsets.UTF_8) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The sequence numbers of the company's messages, in the order received (repeats included). */
    List<Long> sequence(long companyId) {
        List<Long> seqs = new ArrayList<>();
        for (String line : lines()) {
            Matcher m = SEQ.matcher(line);
            if (m.find() && Long.parseLong(m.group(1)) == companyId) {
                seqs.add(Long.parseLong(m.group(2)));
            }
        }
        return seqs;
    }

    String said() {
        try {
            return Files.exists(dir.resolve("rsyslogd.out")) ? Files.readString(dir.resolve("rsyslogd.out")) : "";
        } catch (IOException e) {
            return e.toString();
        }
    }

    @Override
    public void close() {
        stop();
    }

    private void run(String... command) throws IOException {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("openssl.out").toFile()).start();
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: "
                        + Files.readString(dir.resolve("openssl.out")));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
