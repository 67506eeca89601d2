package org.caart.feed.boundary;

/**
 * A syslog destination as an owner sets it: host and port of a TCP syslog receiver, TLS (optionally with the PEM of
 * the CA that signed the receiver's certificate), payload {@code CEF} or {@code JSON}; {@code enabled} defaults to
 * true. On a change, a missing {@code caCertificate} keeps the destination's, an empty one removes it.
 */
public record DestinationRequest(String name, String host, Integer port, Boolean tls, String caCertificate,
        String payload, Boolean enabled) {
}
