package org.caart.platform;

/**
 * The caller's credentials are not (or no longer) valid. {@code type} names what to do about it for machine
 * callers (an agent told to enroll again).
 */
public class UnauthorizedException extends CaartException {

    private final String type;

    public UnauthorizedException(String type, String message) {
        super(message);
        this.type = type;
    }

    public String type() {
        return type;
    }
}
