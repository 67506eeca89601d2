package org.caart.agent.transport;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.security.cert.CertificateException;
import java.util.Locale;

import javax.net.ssl.SSLException;

/**
 * Why a connection failed, in a few words. The JDK's HTTP client often throws exceptions without a message (a refused
 * connection is a ConnectException caused by a ClosedChannelException), so the chain is searched for the telling one.
 */
final class Causes {

    private Causes() {
    }

    static String describe(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof CertificateException) {
                return "TLS: " + cause.getMessage();
            }
            if (cause instanceof UnresolvedAddressException || cause instanceof UnknownHostException) {
                return "unknown host";
            }
            if (cause instanceof HttpConnectTimeoutException) {
                return "connection timed out";
            }
            if (cause instanceof HttpTimeoutException) {
                return "no answer in time";
            }
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException) {
                String message = cause.getMessage();
                return message == null || message.isBlank() || message.toLowerCase(Locale.ROOT).contains("refused")
                        ? "connection refused" : message;
            }
            if (cause instanceof SSLException) {
                return "TLS: " + cause.getMessage();
            }
        }
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
    }
}
