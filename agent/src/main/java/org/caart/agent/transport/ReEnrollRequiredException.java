package org.caart.agent.transport;

/**
 * The server does not know this agent (any more): it was revoked or deleted, or its secret is wrong ({@code 401} with
 * type {@value #TYPE}). The agent must stop; only a new enrollment helps.
 */
public final class ReEnrollRequiredException extends ServerException {

    public static final String TYPE = "urn:caart:agent:re-enroll";

    ReEnrollRequiredException(String message) {
        super(message, null);
    }
}
