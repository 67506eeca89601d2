package org.caart.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;

/**
 * An attacker's request: headers, then a body of {@code size} bytes streamed as fast as the server takes them,
 * declared by Content-Length or chunked. The answer's status line is read while the body is still being sent; the
 * sender stops when the server closes the connection.
 */
final class BigBody {

    static final long FIFTY_MB = 50L * 1024 * 1024;

    record Answer(int status, Duration elapsed, long bytesSent, String head) {
    }

    private BigBody() {
    }

    static Answer send(CaartServer server, String method, String path, Map<String, String> headers, long size,
            boolean chunked) {
        long start = System.nanoTime();
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n");
            headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
            head.append(chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + size + "\r\n");
            out.write(head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
            long[] sent = {0};
            Thread sender = new Thread(() -> stream(out, size, chunked, sent), "big-body-" + path);
            sender.setDaemon(true);
            sender.start();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.ISO_8859_1));
            String status = in.readLine();
            StringBuilder answer = new StringBuilder(status == null ? "" : status);
            for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                answer.append('\n').append(line);
            }
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            socket.close();
            sender.join(10_000);
            if (status == null) {
                throw new IllegalStateException(method + " " + path + ": the connection closed without an answer");
            }
            return new Answer(Integer.parseInt(status.split(" ")[1]), elapsed, sent[0], answer.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void stream(OutputStream out, long size, boolean chunked, long[] sent) {
        byte[] block = new byte[64 * 1024];
        Arrays.fill(block, (byte) '7');
        try {
            while (sent[0] < size) {
                int n = (int) Math.min(block.length, size - sent[0]);
                if (chunked) {
                    out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                }
                out.write(block, 0, n);
                if (chunked) {
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                sent[0] += n;
            }
            if (chunked) {
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.flush();
        } catch (IOException e) {
            // the server answered and closed the connection: what a refusal looks like to the sender
        }
    }
}
