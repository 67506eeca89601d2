package org.caart.agent.transport;

/**
 * The server could not be reached or could not answer now (connection refused, time-out, TLS failure, 5xx, 429):
 * worth trying again later.
 */
public final class ServerUnavailableException extends ServerException {

    ServerUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
