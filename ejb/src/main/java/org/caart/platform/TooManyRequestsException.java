package org.caart.platform;

/** The caller has made too many attempts of this kind; they may try again later. */
public class TooManyRequestsException extends CaartException {

    public TooManyRequestsException(String message) {
        super(message);
    }
}
