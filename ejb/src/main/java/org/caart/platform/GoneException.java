package org.caart.platform;

/** What the caller refers to existed but is no longer usable (an expired token). */
public class GoneException extends CaartException {

    public GoneException(String message) {
        super(message);
    }
}
