package org.caart.platform;

/** The thing does not exist, or belongs to a company the caller is not a member of: both look the same. */
public class NotFoundException extends CaartException {

    public NotFoundException(String what) {
        super(what + " not found");
    }
}
