package org.caart.agent.transport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.caart.agent.config.AgentIdentity;
import org.caart.agent.remediation.ServerProbe;

/**
 * The dead-man probe over HTTP: a GET that any answer below 500 counts as "reached" (the network path and the
 * server are there). For an enrolled agent it asks the server's {@code server-info}, with the certificate pin.
 */
public final class HttpProbe implements ServerProbe {

    private static final Duration LONGEST = Duration.ofSeconds(10);

    private final URI uri;
    private final HttpClient http;

    public HttpProbe(URI uri, PinnedCertificate pin) {
        this.uri = uri;
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(LONGEST)
                .followRedirects(HttpClient.Redirect.NEVER);
        if (pin != null) {
            builder.sslContext(pin.sslContext());
        }
        this.http = builder.build();
    }

    /** Probes the server this agent enrolled with. */
    public static HttpProbe of(AgentIdentity identity) {
        URI server = ServerClient.serverUri(identity.server());
        return new HttpProbe(URI.create(server.toString().replaceFirst("/*$", "/") + ServerClient.API + "server-info"),
                identity.pinSha256() == null ? null : PinnedCertificate.parse(identity.pinSha256()));
    }

    @Override
    public boolean reachable(Duration timeout) {
        Duration wait = timeout.compareTo(LONGEST) < 0 ? timeout : LONGEST;
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(uri).timeout(wait.isZero()
                    ? Duration.ofMillis(1) : wait).GET().build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() < 500;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public String toString() {
        return uri.toString();
    }
}
