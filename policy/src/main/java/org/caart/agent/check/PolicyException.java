package org.caart.agent.check;

/** A policy file that cannot be used; the message names the file and, when known, the line or check id. */
public class PolicyException extends Exception {

    public PolicyException(String message) {
        super(message);
    }

    public PolicyException(String message, Throwable cause) {
        super(message, cause);
    }
}
