package org.caart.platform;

import jakarta.ejb.ApplicationException;

/**
 * A business rule refused a request. Unchecked and rolls the transaction back; the web layer maps each
 * subclass to a user-facing message or a problem+json status. The message is safe to show to the user.
 */
@ApplicationException(rollback = true)
public class CaartException extends RuntimeException {

    public CaartException(String message) {
        super(message);
    }
}
