package org.caart.platform;

/** The caller may see the thing but their role does not allow this action. */
public class ForbiddenException extends CaartException {

    public ForbiddenException(String message) {
        super(message);
    }
}
