package org.caart.agent.platform.common;

/**
 * A host value that exists (or may exist) but could not be read: access denied, a failing native
 * call, a malformed system file, or a facility this operating system does not have. Checks turn it
 * into an ERROR (or NOT_APPLICABLE) result for that one check.
 */
public class PlatformException extends RuntimeException {

    public PlatformException(String message) {
        super(message);
    }

    public PlatformException(String message, Throwable cause) {
        super(message, cause);
    }
}
