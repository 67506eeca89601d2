package org.caart.agent.transport;

/** The server did not do what the agent asked; the message is a sentence for the user. */
public abstract sealed class ServerException extends Exception
        permits ServerRefusedException, ServerUnavailableException, ReEnrollRequiredException {

    ServerException(String message, Throwable cause) {
        super(message, cause);
    }
}
