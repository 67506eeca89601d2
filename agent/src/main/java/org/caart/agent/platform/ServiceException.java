package org.caart.agent.platform;

/** A service could not be installed, removed or run; the message says why in a sentence. */
public class ServiceException extends RuntimeException {

    public ServiceException(String message) {
        super(message);
    }
}
