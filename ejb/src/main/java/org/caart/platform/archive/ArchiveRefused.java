package org.caart.platform.archive;

import org.caart.platform.InvalidInputException;

/** An archive that cannot be imported (damaged, hostile, too new, inconsistent): nothing was written. */
public class ArchiveRefused extends InvalidInputException {

    public ArchiveRefused(String message) {
        super("archive", message);
    }
}
