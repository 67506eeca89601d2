package org.caart.agent.remediation;

/** A fix could not be applied, captured or restored; the message is a sentence for the report. */
public class RemediationException extends RuntimeException {

    public RemediationException(String message) {
        super(message);
    }

    public RemediationException(String message, Throwable cause) {
        super(message, cause);
    }
}
