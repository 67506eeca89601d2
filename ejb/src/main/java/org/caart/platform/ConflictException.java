package org.caart.platform;

/** The request clashes with the current state (a duplicate, a stale version). */
public class ConflictException extends CaartException {

    public ConflictException(String message) {
        super(message);
    }
}
